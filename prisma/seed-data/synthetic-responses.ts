/**
 * Synthetic SIPAS responses for demos, seeds and tests: one response per target slot,
 * reproducible from a seed (mulberry32, never Math.random).
 *
 * Likert answers follow an ordered-probit-style model. For respondent r in unit u,
 * criterion j of element e:  z = quality_u + shift_e + leniency_r + noise_j,  cut at
 * fixed thresholds into 1..5. Unit quality depends on the level (departments better than
 * communes), a couple of units are clearly weak and one district is the weakest of all;
 * the constants are tuned so unit indices (share of 4–5) span roughly 65–95% and the
 * overall index sits near the national 2020 value, 85.48% (docs/method/sipas.md §6).
 *
 * Profile distributions sketch Lai Châu: mostly rural, many Thái, Mông and Dao
 * respondents, most people at the one-stop desk. They are keyed by the item and option
 * codes of the SIPAS-2640 instrument; an item or option not listed gets equal weight.
 */
import type { InstrumentDefinition, ItemDefinition } from "../../app/domain/instruments/instrument-definition";

export interface SyntheticUnit {
  code: string;
  level: "department" | "district" | "commune";
  targetSize: number;
}

export interface SyntheticAnswer {
  itemCode: string;
  value: number | null;
  choice: string;
  text: string | null;
}

export interface SyntheticResponse {
  id: string;
  unitCode: string;
  mode: "online" | "enumerator" | "phone" | "paper";
  language: string;
  startedAt: Date;
  submittedAt: Date;
  answers: SyntheticAnswer[];
}

/** The "not applicable / no answer" code of the likert scale (docs/method/sipas.md §2: never 0). */
export const NOT_APPLICABLE = 9;

// --- the satisfaction model -------------------------------------------------------------

const LEVEL_QUALITY = { department: 1.15, district: 1.0, commune: 0.9 } as const;
const UNIT_QUALITY_SD = 0.2;
/** A couple of clearly weak units (not departments, not the weakest district). */
const WEAK_UNIT_COUNT = 2;
const WEAK_UNIT_QUALITY = 0.55;
/** One district is clearly the weakest of all. */
const WEAKEST_DISTRICT_QUALITY = 0.3;
/** E3 (civil servants) best, E5 (feedback handling) worst. */
const ELEMENT_SHIFT: Record<string, number> = { E1: -0.05, E2: 0, E3: 0.3, E4: 0.15, E5: -0.35 };
const LENIENCY_SD = 0.35;
const ITEM_NOISE_SD = 0.8;
/** z below the first cut is 1, above the last is 5. Cut 3|4 at 0 makes "satisfied" z > 0. */
const CUTS = [-2.3, -1.5, 0, 1.6];
/** Share of "not applicable" per criterion; few people ever gave feedback, hence E5. */
const NA_DEFAULT = 0.025;
const NA_BY_ITEM: Record<string, number> = { c19: 0.06, c20: 0.15, c21: 0.2, c22: 0.2 };

// --- the respondent -----------------------------------------------------------------------

type Weights = Record<string, number>;
type Level = SyntheticUnit["level"];

/** Option weights per profile item and unit level. */
const PROFILE_WEIGHTS: Record<string, Record<Level, Weights>> = {
  p01: byLevel({ male: 56, female: 44 }),
  p02: byLevel({ "18-25": 12, "26-34": 28, "35-49": 34, "50-60": 18, "over-60": 8 }),
  p03: {
    department: { kinh: 38, thai: 26, mong: 14, dao: 9, "ha-nhi": 3, other: 10 },
    district: { kinh: 22, thai: 31, mong: 21, dao: 12, "ha-nhi": 4, other: 10 },
    commune: { kinh: 11, thai: 33, mong: 27, dao: 14, "ha-nhi": 5, other: 10 },
  },
  p04: {
    department: {
      primary: 8,
      "lower-secondary": 16,
      "upper-secondary": 30,
      vocational: 20,
      university: 24,
      postgraduate: 2,
    },
    district: {
      primary: 16,
      "lower-secondary": 26,
      "upper-secondary": 28,
      vocational: 16,
      university: 13,
      postgraduate: 1,
    },
    commune: {
      primary: 30,
      "lower-secondary": 32,
      "upper-secondary": 22,
      vocational: 9,
      university: 6,
      postgraduate: 1,
    },
  },
  p05: {
    department: {
      farmer: 18,
      worker: 6,
      business: 26,
      "civil-servant": 20,
      freelance: 14,
      student: 4,
      retired: 5,
      other: 7,
    },
    district: {
      farmer: 40,
      worker: 6,
      business: 14,
      "civil-servant": 12,
      freelance: 15,
      student: 4,
      retired: 4,
      other: 5,
    },
    commune: {
      farmer: 62,
      worker: 4,
      business: 7,
      "civil-servant": 5,
      freelance: 13,
      student: 3,
      retired: 3,
      other: 3,
    },
  },
  p06: {
    department: { urban: 40, rural: 60 },
    district: { urban: 25, rural: 75 },
    commune: { urban: 12, rural: 88 },
  },
  p07: {
    department: { "in-person": 78, online: 17, postal: 5 },
    district: { "in-person": 88, online: 9, postal: 3 },
    commune: { "in-person": 95, online: 4, postal: 1 },
  },
};

/** Units whose code says they are a town, ward or city get more urban respondents. */
const URBAN_CODE = /^(phuong|tt|tp)-/;
const URBAN_UNIT_WEIGHTS: Weights = { urban: 70, rural: 30 };

const EXPECTATION_WEIGHTS: Weights = {
  "info-channels": 12,
  "simpler-procedures": 20,
  "shorter-time": 22,
  "lower-fees": 10,
  attitude: 7,
  competence: 9,
  feedback: 9,
  "it-use": 11,
};

const MODE_WEIGHTS: Record<string, Weights> = {
  "in-person": { enumerator: 68, paper: 22, phone: 7, online: 3 },
  online: { online: 60, phone: 20, enumerator: 15, paper: 5 },
  postal: { paper: 55, phone: 35, enumerator: 10 },
};

const COMMENT_SHARE = 0.15;
const PHONE_SHARE_OF_COMMENTS = 0.12;
const ENGLISH_SHARE = 0.01;

const COMMENTS = [
  "Đề nghị bố trí thêm ghế ngồi chờ tại Bộ phận một cửa.",
  "Cán bộ hướng dẫn nhiệt tình, tôi rất hài lòng.",
  "Mong rút ngắn thời gian giải quyết hồ sơ đất đai.",
  "Nên có người phiên dịch tiếng Mông cho bà con.",
  "Đường lên xã xa, đề nghị tăng cường dịch vụ bưu chính trả kết quả tại nhà.",
  "Máy lấy số thứ tự hay bị hỏng.",
  "Bảng niêm yết thủ tục chữ nhỏ, khó đọc.",
  "Đề nghị công khai rõ hơn mức phí, lệ phí.",
  "Tôi chưa biết góp ý ở đâu, mong có hòm thư góp ý.",
  "Nộp hồ sơ trực tuyến còn khó, cần hướng dẫn thêm.",
  "Công chức làm việc đúng giờ, thái độ tốt.",
  "Phải đi lại nhiều lần mới xong thủ tục.",
];

const COMMENTS_WITH_PHONE = [
  "Hồ sơ của tôi bị trả chậm, đề nghị liên hệ lại số {phone}.",
  "Có kết quả xin gọi cho tôi theo số {phone}.",
  "Tôi muốn phản ánh việc trả hồ sơ trễ hẹn, số điện thoại của tôi là {phone}.",
];

const PHONE_PREFIXES = ["091", "094", "097", "098", "083", "035", "036", "086"];

/** Survey window: Vietnam time (UTC+7), 07:30–17:00 on weekdays. */
const WINDOW_START_UTC = Date.UTC(2020, 7, 15);
const WINDOW_DAYS = 78; // 15/8 … 31/10 inclusive
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const MINUTE_MS = 60_000;

// --- the generator ------------------------------------------------------------------------

/**
 * One response per target slot, in the order of `units`. Each unit draws from its own
 * stream (seed + unit code), so changing one unit's target leaves the others unchanged.
 */
export function generateSyntheticResponses(
  units: SyntheticUnit[],
  instrument: InstrumentDefinition,
  seed: number,
): SyntheticResponse[] {
  const quality = unitQualities(units, mulberry32(hashSeed(seed, "units")));
  const responses: SyntheticResponse[] = [];
  for (const unit of units) {
    const random = mulberry32(hashSeed(seed, unit.code));
    for (let i = 0; i < unit.targetSize; i++) {
      responses.push(generateResponse(unit, quality.get(unit.code) ?? 0, instrument, random));
    }
  }
  return responses;
}

function unitQualities(units: SyntheticUnit[], random: Random): Map<string, number> {
  const quality = new Map<string, number>();
  for (const unit of units) {
    // Truncated at ±1.25 SD so that only the units picked below stand out as weak.
    const deviation = Math.max(-1.25, Math.min(1.25, normal(random)));
    quality.set(unit.code, LEVEL_QUALITY[unit.level] + UNIT_QUALITY_SD * deviation);
  }
  const districts = units.filter((unit) => unit.level === "district");
  const weakest = districts.length > 0 ? districts[Math.floor(random() * districts.length)] : undefined;
  const candidates = units.filter((unit) => unit !== weakest && unit.level !== "department");
  for (const unit of shuffle(candidates, random).slice(0, WEAK_UNIT_COUNT)) {
    quality.set(unit.code, WEAK_UNIT_QUALITY);
  }
  if (weakest) quality.set(weakest.code, WEAKEST_DISTRICT_QUALITY);
  return quality;
}

function generateResponse(
  unit: SyntheticUnit,
  quality: number,
  instrument: InstrumentDefinition,
  random: Random,
): SyntheticResponse {
  const id = uuid(random);
  const leniency = LENIENCY_SD * normal(random);
  const answers: SyntheticAnswer[] = [];
  for (const section of instrument.sections) {
    for (const item of section.items) {
      if (item.kind === "likert") {
        const z = quality + (ELEMENT_SHIFT[section.code] ?? 0) + leniency + ITEM_NOISE_SD * normal(random);
        const na = random() < (NA_BY_ITEM[item.code] ?? NA_DEFAULT);
        answers.push({ itemCode: item.code, value: na ? NOT_APPLICABLE : toScale(z), choice: "", text: null });
      } else if (item.kind === "single") {
        const choice = pickOption(item, profileWeights(item.code, unit), random);
        answers.push({ itemCode: item.code, value: null, choice, text: null });
      } else if (item.kind === "multi") {
        for (const choice of pickOptions(item, random)) {
          answers.push({ itemCode: item.code, value: null, choice, text: null });
        }
      } else if (random() < COMMENT_SHARE) {
        answers.push({ itemCode: item.code, value: null, choice: "", text: comment(random) });
      }
    }
  }
  const channel = answers.find((answer) => answer.itemCode === "p07")?.choice ?? "in-person";
  const mode = pickWeighted(MODE_WEIGHTS[channel] ?? MODE_WEIGHTS["in-person"], random) as SyntheticResponse["mode"];
  const language = random() < ENGLISH_SHARE ? "en" : "vi";
  const startedAt = new Date(startTime(random));
  const submittedAt = new Date(startedAt.getTime() + Math.round((4 + 16 * random() ** 1.5) * 60) * 1000);
  return { id, unitCode: unit.code, mode, language, startedAt, submittedAt, answers };
}

function toScale(z: number): number {
  let value = 1;
  for (const cut of CUTS) if (z > cut) value++;
  return value;
}

function profileWeights(itemCode: string, unit: SyntheticUnit): Weights | undefined {
  if (itemCode === "p06" && URBAN_CODE.test(unit.code)) return URBAN_UNIT_WEIGHTS;
  return PROFILE_WEIGHTS[itemCode]?.[unit.level];
}

function pickOption(item: ItemDefinition, weights: Weights | undefined, random: Random): string {
  const options = item.options ?? [];
  const table = Object.fromEntries(options.map((o) => [o.code, weights ? (weights[o.code] ?? 1) : 1]));
  return pickWeighted(table, random);
}

/** 1–3 options (at most maxChoices), weighted, without repetition. */
function pickOptions(item: ItemDefinition, random: Random): string[] {
  const options = item.options ?? [];
  const limit = Math.min(item.maxChoices ?? 3, 3, options.length);
  const count = Math.min(limit, 1 + Math.floor(random() * 3));
  const table: Weights = Object.fromEntries(options.map((o) => [o.code, EXPECTATION_WEIGHTS[o.code] ?? 10]));
  const chosen: string[] = [];
  while (chosen.length < count) {
    const code = pickWeighted(table, random);
    chosen.push(code);
    delete table[code];
  }
  return chosen;
}

function comment(random: Random): string {
  if (random() >= PHONE_SHARE_OF_COMMENTS) return COMMENTS[Math.floor(random() * COMMENTS.length)];
  const template = COMMENTS_WITH_PHONE[Math.floor(random() * COMMENTS_WITH_PHONE.length)];
  return template.replace("{phone}", phoneNumber(random));
}

/** "0912 345 678", or now and then written without spaces, as people do. */
function phoneNumber(random: Random): string {
  const prefix = PHONE_PREFIXES[Math.floor(random() * PHONE_PREFIXES.length)];
  const digits = Array.from({ length: 7 }, () => Math.floor(random() * 10)).join("");
  const grouped = `${prefix}${digits[0]} ${digits.slice(1, 4)} ${digits.slice(4)}`;
  return random() < 0.3 ? grouped.replaceAll(" ", "") : grouped;
}

/** A weekday between 15/8 and 31/10/2020, 07:30–16:40 Vietnam time (so it ends by 17:00). */
function startTime(random: Random): number {
  let day: number;
  do {
    day = WINDOW_START_UTC + Math.floor(random() * WINDOW_DAYS) * 86_400_000;
  } while ([0, 6].includes(new Date(day).getUTCDay()));
  const minuteOfDay = 7.5 * 60 + Math.floor(random() * (9 * 60 + 10));
  return day + minuteOfDay * MINUTE_MS - VIETNAM_OFFSET_MS;
}

// --- randomness ---------------------------------------------------------------------------

type Random = () => number;

/** mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger), uniform on [0, 1). */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over "seed:label", to give each unit its own stream. */
function hashSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${label}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Standard normal by Box–Muller. */
function normal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function pickWeighted(weights: Weights, random: Random): string {
  const entries = Object.entries(weights);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let r = random() * total;
  for (const [code, weight] of entries) {
    r -= weight;
    if (r < 0) return code;
  }
  return entries[entries.length - 1][0];
}

function shuffle<T>(items: T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** A UUID v4-shaped string (version nibble 4, variant 8–b) from the PRNG. */
function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = (8 + Math.floor(random() * 4)).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function byLevel(weights: Weights): Record<Level, Weights> {
  return { department: weights, district: weights, commune: weights };
}
