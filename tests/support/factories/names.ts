/** Names shared by the e2e fixtures (tests/support/factories/e2e-seed.ts, people.ts) and the specs. */
export const ROUND = "lai-chau-2020";
export const CLOSED_ROUND = "e2e-closed-round";
export const TOKENS = {
  valid: "E2E-VALID-0001",
  validSecond: "E2E-VALID-0002",
  used: "E2E-USED-0001",
  expired: "E2E-EXPIRED-0001",
  closed: "E2E-CLOSED-0001",
};

/** The demo enumerator, who does the offline-app spec's fieldwork. */
export const FIELD_ENUMERATOR = "dieutra@hailong.test";

/** The enumerator's offline-app round (e2e-seed.ts): Huyện Tam Đường, three drawn people. */
export const FIELD_ROUND = "e2e-field-round";
export const FIELD_UNIT = "huyen-tam-duong";
export const FIELD_PEOPLE = [
  { dossierCode: "E2E-PV-001", name: "Lò Thị Mai", phone: "0912000001", address: "Bản Nà Tăm, xã Bản Bo" },
  { dossierCode: "E2E-PV-002", name: "Giàng A Páo", phone: "0912000002", address: "Bản Hợp 2, xã Sơn Bình" },
  { dossierCode: "E2E-PV-003", name: "Tẩn Láo Sử", phone: "0912000003", address: "Bản Cò Lá, xã Hồ Thầu" },
];

/** One round per Playwright project, so the two projects never see each other's decisions. */
export const REVIEW_ROUNDS = { js: "e2e-review-js", nojs: "e2e-review-nojs" } as const;
/** The demo supervisor's department (seed: Sở Nội vụ and Huyện Tam Đường). */
export const REVIEW_UNIT = "so-noi-vu";
/** Self-completed questionnaires (all "5") of each round: the dashboard hides a group under 10. */
export const SELF_COMPLETED = 10;
/** The interview the spec rejects: too fast, every criterion "1". */
export const receiptOf = (round: string, n: number) => `${round.toUpperCase()}-${n}`;
/** A drawn person behind interview 3, for the back-check's contact column. */
export const CONTACT = { name: "Lường Thị Phúc", phone: "0912 345 001" };
/** The person of tests/e2e/personal-data.spec.ts: strings that occur nowhere else. */
export const PRIVACY_ROUND = "e2e-privacy-round";
export const PRIVACY_PERSON = {
  name: "Hoàng Thị Bảo Mật",
  phone: "0987654321",
  address: "Số 77 ngõ Kín Đáo, phường Đông Phong",
};
