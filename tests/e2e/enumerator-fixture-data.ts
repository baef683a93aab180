/** Names shared by the enumerator fixtures (enumerator-fixtures.ts) and the offline-app spec. */
export const FIELD_ENUMERATOR = "dieutra@hailong.test";

/** The enumerator's offline-app round (enumerator-fixtures.ts): Huyện Tam Đường, three drawn people. */
export const FIELD_ROUND = "e2e-field-round";
export const FIELD_UNIT = "huyen-tam-duong";
export const FIELD_PEOPLE = [
  { dossierCode: "E2E-PV-001", name: "Lò Thị Mai", phone: "0912000001", address: "Bản Nà Tăm, xã Bản Bo" },
  { dossierCode: "E2E-PV-002", name: "Giàng A Páo", phone: "0912000002", address: "Bản Hợp 2, xã Sơn Bình" },
  { dossierCode: "E2E-PV-003", name: "Tẩn Láo Sử", phone: "0912000003", address: "Bản Cò Lá, xã Hồ Thầu" },
];
