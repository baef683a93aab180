/** Names shared by the e2e fixtures (fixtures.ts) and the specs. */
export const ROUND = "lai-chau-2020";
export const CLOSED_ROUND = "e2e-closed-round";
export const TOKENS = {
  valid: "E2E-VALID-0001",
  validSecond: "E2E-VALID-0002",
  used: "E2E-USED-0001",
  expired: "E2E-EXPIRED-0001",
  closed: "E2E-CLOSED-0001",
};
