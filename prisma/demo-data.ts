/** The demo accounts and stores; also listed on the landing page in development and in the README. */
export const DEMO_PASSWORD = "patron-demo";

export const DEMO_USERS = [
  { key: "admin", email: "admin@patron.test", name: "Ada Admin", password: true, admin: true },
  { key: "owner", email: "claire@fashiongroup.test", name: "Claire Weber", password: true },
  { key: "manager", email: "marc@fashiongroup.test", name: "Marc Hoffmann", password: true },
  { key: "staff", email: "sofia@fashiongroup.test", name: "Sofia Martins", password: true },
  { key: "otherOwner", email: "jos@bakeryschmit.test", name: "Jos Schmit", password: true },
  { key: "customer", email: "lea@example.test", name: "Léa Muller", password: false },
] as const;

type L = "en" | "fr" | "de" | "lb";
type Text = Partial<Record<L, string>>;

interface DemoProduct {
  slug: string;
  priceCents: number;
  stock?: number;
  /** A gift card product: the fixed amounts it offers (priceCents is the smallest). */
  giftCardAmounts?: number[];
  title: Text;
  description: Text;
}

export const DEMO_MERCHANTS: Array<{
  name: string;
  members: Array<{ email: string; role: "OWNER" | "MANAGER" | "STAFF" }>;
  customers: string[];
  stores: Array<{ slug: string; name: string; currency: string; defaultLocale: L; locales: L[]; products: DemoProduct[] }>;
}> = [
  {
    name: "Fashion Group",
    members: [
      { email: "claire@fashiongroup.test", role: "OWNER" },
      { email: "marc@fashiongroup.test", role: "MANAGER" },
      { email: "sofia@fashiongroup.test", role: "STAFF" },
    ],
    customers: ["lea@example.test"],
    stores: [
      {
        slug: "fashionhub",
        name: "Fashion Hub",
        currency: "EUR",
        defaultLocale: "fr",
        locales: ["fr", "en", "de", "lb"],
        products: [
          {
            slug: "linen-shirt",
            priceCents: 5900,
            stock: 25,
            title: { fr: "Chemise en lin", en: "Linen shirt", de: "Leinenhemd", lb: "Lengenhiem" },
            description: {
              fr: "Lin lavé, coupe droite.",
              en: "Washed linen, straight cut.",
              de: "Gewaschenes Leinen, gerader Schnitt.",
              lb: "Gewäschene Lengen, riichte Schnëtt.",
            },
          },
          {
            slug: "wool-scarf",
            priceCents: 3450,
            title: { fr: "Écharpe en laine", en: "Wool scarf", de: "Wollschal", lb: "Wollschal" },
            description: { fr: "Laine mérinos.", en: "Merino wool.", de: "Merinowolle.", lb: "Merinowoll." },
          },
          {
            slug: "canvas-tote",
            priceCents: 1990,
            stock: 100,
            title: { fr: "Sac cabas en toile", en: "Canvas tote", de: "Canvas-Tasche", lb: "Canvas-Tâsch" },
            description: { fr: "Coton bio.", en: "Organic cotton.", de: "Bio-Baumwolle.", lb: "Bio-Koteng." },
          },
          {
            slug: "gift-card",
            priceCents: 2500,
            giftCardAmounts: [2500, 5000, 10000],
            title: { fr: "Carte cadeau", en: "Gift card", de: "Geschenkkarte", lb: "Kaddokaart" },
            description: {
              fr: "Valable dans toutes les boutiques Fashion Group, en ligne et en magasin.",
              en: "Valid in every Fashion Group shop, online and in store.",
              de: "Gültig in allen Geschäften der Fashion Group, online und im Laden.",
              lb: "Gëlteg an alle Butteker vun der Fashion Group, online an am Buttek.",
            },
          },
        ],
      },
      {
        slug: "fashionoutlet",
        name: "Fashion Outlet",
        currency: "EUR",
        defaultLocale: "en",
        locales: ["en", "fr"],
        products: [
          {
            slug: "denim-jacket",
            priceCents: 4900,
            stock: 10,
            title: { en: "Denim jacket (last season)", fr: "Veste en jean (saison passée)" },
            description: { en: "Classic fit.", fr: "Coupe classique." },
          },
          {
            slug: "sneakers",
            priceCents: 3999,
            stock: 5,
            title: { en: "Canvas sneakers", fr: "Baskets en toile" },
            description: { en: "Sizes 36 to 45.", fr: "Pointures 36 à 45." },
          },
        ],
      },
    ],
  },
  {
    name: "Bakery Schmit",
    members: [{ email: "jos@bakeryschmit.test", role: "OWNER" }],
    customers: [],
    stores: [
      {
        slug: "bakeryschmit",
        name: "Bäckerei Schmit",
        currency: "EUR",
        defaultLocale: "lb",
        locales: ["lb", "de", "fr", "en"],
        products: [
          {
            slug: "rye-bread",
            priceCents: 420,
            title: { lb: "Kornbrout", de: "Roggenbrot", fr: "Pain de seigle", en: "Rye bread" },
            description: { lb: "All Dag frësch.", de: "Jeden Tag frisch.", fr: "Frais chaque jour.", en: "Fresh every day." },
          },
          {
            slug: "quetschentaart",
            priceCents: 1850,
            title: { lb: "Quetschentaart", de: "Zwetschgenkuchen", fr: "Tarte aux quetsches", en: "Plum tart" },
            description: { lb: "Saisonal.", de: "Saisonal.", fr: "De saison.", en: "Seasonal." },
          },
        ],
      },
    ],
  },
];

/** Demo coupons per store slug: one of each kind and an expired one, to try the cart's reasons. */
export const DEMO_COUPONS: Record<
  string,
  Array<{
    code: string;
    kind: "FIXED" | "PERCENT";
    amountCents?: number;
    percentBasisPoints?: number;
    maxDiscountCents?: number;
    minSubtotalCents?: number;
    endsAt?: Date;
    perCustomerLimit?: number;
    combinable?: boolean;
  }>
> = {
  fashionhub: [
    { code: "BIENVENUE10", kind: "PERCENT", percentBasisPoints: 1000, maxDiscountCents: 5000, perCustomerLimit: 1 },
    { code: "CADEAU5", kind: "FIXED", amountCents: 500, minSubtotalCents: 5000, combinable: true },
    { code: "ETE2025", kind: "PERCENT", percentBasisPoints: 2000, endsAt: new Date("2025-09-01T00:00:00Z") },
  ],
};

/** Demo loyalty programs per merchant name: created once, so merchants' edits survive a re-seed. */
export const DEMO_LOYALTY: Record<
  string,
  {
    type: "POINTS" | "STAMPS";
    pointsPerUnit?: number;
    stampsPerVisit?: number;
    welcomeBonus: number;
    cooldownMinutes: number;
    dailyCap: number | null;
    termsTexts: Partial<Record<"en" | "fr" | "de" | "lb", string>>;
    /** onlineValueCents: what the reward takes off an online order, in the stores' currency (EUR). */
    rewards: Array<{ cost: number; name: Text; description: Text; onlineValueCents?: number }>;
  }
> = {
  "Fashion Group": {
    type: "POINTS",
    pointsPerUnit: 1,
    welcomeBonus: 50,
    cooldownMinutes: 30,
    dailyCap: 1000,
    termsTexts: {
      en: "One point per whole euro spent in our stores and online. Points are valid in every Fashion Group store. Rewards cannot be exchanged for cash.",
      fr: "Un point par euro entier dépensé en magasin et en ligne. Les points sont valables dans tous les magasins Fashion Group. Les récompenses ne peuvent pas être échangées contre de l’argent.",
      de: "Ein Punkt pro vollem Euro, der in unseren Geschäften und online ausgegeben wird. Die Punkte gelten in allen Geschäften von Fashion Group. Prämien können nicht in bar ausgezahlt werden.",
      lb: "Ee Punkt pro ganzen Euro, deen Dir an eise Geschäfter an online ausgitt. D’Punkte gëllen an alle Geschäfter vu Fashion Group. Belounungen ginn net a Suen ausbezuelt.",
    },
    rewards: [
      {
        cost: 100,
        name: { en: "Tote bag", fr: "Sac cabas", de: "Einkaufstasche", lb: "Akafstut" },
        description: { en: "Our organic cotton tote.", fr: "Notre cabas en coton bio.", de: "Unsere Tasche aus Bio-Baumwolle.", lb: "Eis Tut aus Bio-Kotteng." },
      },
      {
        cost: 250,
        name: { en: "€10 voucher", fr: "Bon de 10 €", de: "10-€-Gutschein", lb: "Bong vun 10 €" },
        description: { en: "Off your next purchase.", fr: "Sur votre prochain achat.", de: "Auf Ihren nächsten Einkauf.", lb: "Op Ären nächsten Akaf." },
        onlineValueCents: 1000,
      },
    ],
  },
  "Bakery Schmit": {
    type: "STAMPS",
    stampsPerVisit: 1,
    welcomeBonus: 0,
    cooldownMinutes: 60,
    dailyCap: 2,
    termsTexts: {
      lb: "Ee Stempel pro Besuch, maximal zwee pro Dag. Mat 10 Stempelen kritt Dir e Brout gratis.",
      fr: "Un tampon par visite, deux au maximum par jour. Avec 10 tampons, vous recevez un pain offert.",
    },
    rewards: [
      {
        cost: 10,
        name: { en: "Free bread", fr: "Pain offert", de: "Gratis Brot", lb: "Gratis Brout" },
        description: { en: "Any loaf of the day.", fr: "Au choix parmi les pains du jour.", de: "Ein Brot nach Wahl.", lb: "E Brout no Wiel." },
      },
    ],
  },
};

/**
 * A demo gift card per merchant, issued once with a code known here (development data only: a
 * real card's code is never stored). Shown in the README for trying the cart and the terminal.
 */
export const DEMO_GIFT_CARDS: Record<string, { code: string; amountCents: number; currency: string; storeSlug: string }> = {
  "Fashion Group": { code: "DEM2GXFTCARD5WVA", amountCents: 5000, currency: "EUR", storeSlug: "fashionhub" },
};

/**
 * A demo member per merchant, set up once: a loyalty card with points and some store credit, to
 * try paying with points and credit in the cart (development data only).
 */
export const DEMO_MEMBERS: Record<string, { email: string; storeSlug: string; points: number; storeCreditCents: number; currency: string }> = {
  "Fashion Group": { email: "lea@example.test", storeSlug: "fashionhub", points: 300, storeCreditCents: 2000, currency: "EUR" },
};

/**
 * Demo payment requests per merchant, made once: what Léa still owes Fashion Group, to try "What I
 * owe" in her storefront account, the pay link and the grouped reminder (development data only).
 */
export const DEMO_PAYMENT_REQUESTS: Record<
  string,
  Array<{ storeSlug: string; payer: { name: string; email: string; locale: "en" | "fr" | "de" | "lb" }; reference: string; dueInDays: number; lines: Array<{ title: string; amount: string; quantity: number }> }>
> = {
  "Fashion Group": [
    {
      storeSlug: "fashionhub",
      payer: { name: "Léa Muller", email: "lea@example.test", locale: "fr" },
      reference: "RETOUCHES-2026-001",
      dueInDays: 14,
      lines: [
        { title: "Retouches : ourlet de pantalon", amount: "18.00", quantity: 2 },
        { title: "Nettoyage à sec d’un manteau", amount: "24.50", quantity: 1 },
      ],
    },
  ],
};
