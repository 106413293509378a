/**
 * Access-code phrases such as "three spicy napkins": easy to say aloud and to type on a phone,
 * case-insensitive. Pure module.
 *
 * Space: 11 numbers x 128 adjectives x 128 nouns = 180,224 three-word phrases. Phrases are
 * never reused, so the generator can never run out: after a few collisions it adds a word
 * (x128 each time), see `phraseWordCount`.
 */

const NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"] as const;

const ADJECTIVES = [
  "able", "amber", "ancient", "azure", "baked", "bald", "bold", "brave", "breezy", "bright", "brisk", "bubbly",
  "busy", "calm", "candid", "cheeky", "chilly", "chubby", "clever", "cloudy", "cosy", "crafty", "crisp", "crunchy",
  "curly", "daring", "dizzy", "dusty", "eager", "early", "fancy", "fast", "fluffy", "fond", "frosty", "funny",
  "fuzzy", "gentle", "giant", "giddy", "glad", "golden", "grand", "green", "happy", "hasty", "hearty", "honest",
  "humble", "icy", "jolly", "jumpy", "keen", "kind", "lazy", "lively", "lucky", "mellow", "merry", "mighty",
  "misty", "modest", "muddy", "nifty", "noble", "nutty", "odd", "orange", "plucky", "polite", "proud", "purple",
  "quick", "quiet", "rapid", "rosy", "royal", "rusty", "salty", "sandy", "shiny", "silent", "silly", "silver",
  "sleepy", "slow", "smart", "smooth", "snowy", "soft", "sparkly", "speedy", "spicy", "spotty", "steady", "stormy",
  "sturdy", "sunny", "super", "sweet", "swift", "tall", "tame", "tangy", "tender", "tidy", "tiny", "toasty",
  "tough", "tricky", "trusty", "velvet", "vivid", "warm", "wavy", "wild", "windy", "wise", "witty", "wobbly",
  "woolly", "yellow", "young", "zany", "zesty", "zippy", "cheery", "dapper",
] as const;

const NOUNS = [
  "acorns", "anchors", "apples", "badgers", "bagels", "balloons", "bananas", "barrels", "beacons", "beetles", "bells", "biscuits",
  "boots", "bottles", "buckets", "buttons", "cabbages", "cactuses", "candles", "carrots", "castles", "cherries", "chimneys", "clouds",
  "comets", "cookies", "crayons", "crowns", "cupcakes", "daisies", "dolphins", "donuts", "dragons", "drums", "ducks", "eagles",
  "falcons", "feathers", "ferns", "fiddles", "flutes", "foxes", "frogs", "gardens", "geese", "giraffes", "glasses", "gloves",
  "goats", "grapes", "hammers", "harbors", "hats", "hedgehogs", "helmets", "hippos", "islands", "jackets", "jellies", "kettles",
  "kites", "koalas", "ladders", "lamps", "lemons", "lions", "llamas", "lobsters", "mangos", "maples", "meadows", "melons",
  "mittens", "monkeys", "moons", "muffins", "napkins", "noodles", "oceans", "olives", "otters", "owls", "pancakes", "pandas",
  "parrots", "peaches", "peanuts", "pebbles", "pencils", "penguins", "pickles", "pillows", "pirates", "planets", "plums", "pockets",
  "ponies", "potatoes", "pretzels", "puffins", "pumpkins", "puzzles", "rabbits", "radishes", "rainbows", "ribbons", "robins", "rockets",
  "saddles", "sailboats", "sandals", "scarves", "seals", "shovels", "socks", "spoons", "squirrels", "stars", "teapots", "tigers",
  "tomatoes", "trains", "tulips", "turtles", "umbrellas", "violins", "waffles", "walnuts",
] as const;

export const PHRASE_WORDS = { numbers: NUMBERS, adjectives: ADJECTIVES, nouns: NOUNS };

/** A random integer in [0, n) from the supplied source of random 32-bit integers. */
export type RandomInt = (n: number) => number;

/**
 * A phrase of `words` words (at least three): a number, `words - 2` adjectives, a noun.
 * `random` is injected so tests can drive it; callers pass crypto.randomInt.
 */
export function generatePhrase(random: RandomInt, words = 3): string {
  const parts: string[] = [NUMBERS[random(NUMBERS.length)]!];
  for (let i = 0; i < Math.max(1, words - 2); i++) parts.push(ADJECTIVES[random(ADJECTIVES.length)]!);
  parts.push(NOUNS[random(NOUNS.length)]!);
  return parts.join(" ");
}

/** How many words the n-th attempt (0-based) uses: three for the first five, then one more every five. */
export function phraseWordCount(attempt: number): number {
  return 3 + Math.floor(attempt / 5);
}

/** How many distinct phrases of `words` words exist. */
export function phraseSpace(words: number): number {
  return NUMBERS.length * ADJECTIVES.length ** Math.max(1, words - 2) * NOUNS.length;
}

/**
 * What people type, as stored: lower-case, words separated by one space; dashes, dots and
 * other separators count as spaces ("Three-Spicy  NAPKINS" -> "three spicy napkins"). Empty
 * when nothing phrase-like is left.
 */
export function normalizePhrase(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .join(" ")
    .slice(0, 200);
}
