/** The person of tests/e2e/personal-data.spec.ts: strings that occur nowhere else. */
export const PRIVACY_ROUND = "e2e-privacy-round";
export const PRIVACY_PERSON = {
  name: "Hoàng Thị Bảo Mật",
  phone: "0987654321",
  address: "Số 77 ngõ Kín Đáo, phường Đông Phong",
};
