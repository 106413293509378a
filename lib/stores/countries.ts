/**
 * Countries a store ships to: ISO 3166-1 alpha-2 codes, shown by their name in the page's
 * language (Intl, so no catalogue of names to keep). Pure; shared by the store settings and
 * checkout.
 */

/** The officially assigned ISO 3166-1 alpha-2 codes (no reserved or withdrawn ones such as EU or UK). */
const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
  BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
  CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
  GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
  LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
  MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
  PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
  TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
`
    .trim()
    .split(/\s+/),
);

/** A new store ships to the European Union, Luxembourg first (the database column's default). */
export const DEFAULT_SHIPPING_COUNTRIES = [
  "LU", "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
  "HU", "IE", "IT", "LT", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
] as const;

/** The most countries one store may list (every assigned code fits). */
export const MAX_SHIPPING_COUNTRIES = ISO_COUNTRIES.size;

export function isCountryCode(value: string): boolean {
  return ISO_COUNTRIES.has(value);
}

/**
 * The settings field ("LU, BE fr de"): codes separated by commas or spaces, any case, each
 * once, in the order typed. "invalid" names the first code that is not an assigned country;
 * "required" when none is given.
 */
export function parseCountryList(raw: string): { ok: true; codes: string[] } | { ok: false; error: "required" } | { ok: false; error: "invalid"; code: string } {
  const codes: string[] = [];
  for (const part of raw.split(/[\s,;]+/)) {
    const code = part.trim().toUpperCase();
    if (!code) continue;
    if (!isCountryCode(code)) return { ok: false, error: "invalid", code: part.trim().slice(0, 20) };
    if (!codes.includes(code)) codes.push(code);
  }
  return codes.length > 0 ? { ok: true, codes } : { ok: false, error: "required" };
}

/**
 * The checkout's country list: the store's countries by their name in `locale`, sorted by it,
 * and the one to preselect (the first of the store's list).
 */
export function countryOptions(codes: readonly string[], locale: string): { options: Array<{ code: string; name: string }>; preselected: string | null } {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const known = codes.filter(isCountryCode);
  const options = known.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
  return { options, preselected: known[0] ?? null };
}
