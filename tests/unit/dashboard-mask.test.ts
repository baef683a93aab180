import { describe, expect, it } from "vitest";
import { classifyNumber, MASK_LABELS, maskPersonal } from "~/features/results/mask-personal";

const PHONE = MASK_LABELS.phone;
const EMAIL = MASK_LABELS.email;
const ID = MASK_LABELS.id;

describe("maskPersonal", () => {
  it.each([
    ["Gọi tôi số 0912 345 678 nhé", `Gọi tôi số ${PHONE} nhé`],
    ["Gọi tôi số 0912345678.", `Gọi tôi số ${PHONE}.`],
    ["SĐT: 0912.345.678", `SĐT: ${PHONE}`],
    ["SĐT: 0912-345-678", `SĐT: ${PHONE}`],
    ["liên hệ +84 912 345 678", `liên hệ ${PHONE}`],
    ["liên hệ +84912345678", `liên hệ ${PHONE}`],
    ["liên hệ (+84) 912 345 678", `liên hệ ${PHONE}`],
    ["liên hệ 84912345678", `liên hệ ${PHONE}`],
    ["máy bàn 0213 3876 543", `máy bàn ${PHONE}`],
    ["máy bàn 02133876543", `máy bàn ${PHONE}`],
  ])("masks the phone in %j", (input, expected) => {
    expect(maskPersonal(input)).toBe(expected);
  });

  it.each([
    ["CMND 123456789", `CMND ${ID}`],
    ["CMND số 123 456 789", `CMND số ${ID}`],
    ["CCCD 012345678901", `CCCD ${ID}`],
    ["CCCD 012 345 678 901", `CCCD ${ID}`],
  ])("masks the ID number in %j", (input, expected) => {
    expect(maskPersonal(input)).toBe(expected);
  });

  it("masks e-mail addresses, with Vietnamese letters around them", () => {
    expect(maskPersonal("Gửi về nguyen.van-a+hs@gmail.com giúp tôi")).toBe(`Gửi về ${EMAIL} giúp tôi`);
    expect(maskPersonal("thư: lan@laichau.gov.vn.")).toBe(`thư: ${EMAIL}.`);
  });

  it("masks two numbers written side by side one by one", () => {
    expect(maskPersonal("năm 2020 0912345678")).toBe(`năm 2020 ${PHONE}`);
    expect(maskPersonal("0912 345 678 hoặc 0987654321")).toBe(`${PHONE} hoặc ${PHONE}`);
  });

  it("leaves dates, amounts, short numbers and codes alone", () => {
    const text = "Ngày 29/7/2020 nộp lệ phí 1.500.000 đồng, chờ 15 ngày, hồ sơ HS2020-000123456, phòng 2.";
    expect(maskPersonal(text)).toBe(text);
    expect(maskPersonal("Lệ phí 2.000.000.000 đồng")).toBe("Lệ phí 2.000.000.000 đồng");
  });

  it("takes other labels, e.g. English ones", () => {
    expect(maskPersonal("call 0912345678", { phone: "[phone]", email: "[email]", id: "[id]" })).toBe("call [phone]");
  });
});

describe("classifyNumber", () => {
  it("tells phones, IDs and other numbers apart", () => {
    expect(classifyNumber("0912345678")).toBe("phone");
    expect(classifyNumber("+84 912 345 678")).toBe("phone");
    expect(classifyNumber("012345678901")).toBe("id");
    expect(classifyNumber("123456789")).toBe("id");
    expect(classifyNumber("12345678")).toBeNull();
    expect(classifyNumber("+1 202 555 0100")).toBeNull();
    expect(classifyNumber("1.500.000")).toBeNull();
  });
});

describe("maskPersonal, as people write to get past a filter (issue 17)", () => {
  it.each([
    ["máy bàn (0213) 3876 543", `máy bàn ${PHONE}`],
    ["máy bàn (0213) 3876 xxx", `máy bàn ${PHONE}`],
    ["gọi 0912_345_678", `gọi ${PHONE}`],
    ["gọi 0912/345/678", `gọi ${PHONE}`],
    ["gọi 0912,345,678", `gọi ${PHONE}`],
    ["SĐT0912345678", `SĐT${PHONE}`],
    ["gọi 0912\u00a0345\u00a0678", `gọi ${PHONE}`],
    ["gọi \uff10\uff19\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", `gọi ${PHONE}`],
    ["gọi 0912345678ngay", `gọi ${PHONE}ngay`],
  ])("masks the phone in %j", (input, expected) => {
    expect(maskPersonal(input)).toBe(expected);
  });

  it("masks an ID number glued to its label", () => {
    expect(maskPersonal("CCCD012345678901")).toBe(`CCCD${ID}`);
  });

  it.each([
    ["gửi nguyenvana (at) gmail.com nhé", `gửi ${EMAIL} nhé`],
    ["gửi nguyenvana[at]gmail[dot]com nhé", `gửi ${EMAIL} nhé`],
    ["gửi nguyenvana @ gmail.com", `gửi ${EMAIL}`],
  ])("masks the e-mail address in %j", (input, expected) => {
    expect(maskPersonal(input)).toBe(expected);
  });

  it("still leaves dates, amounts and dossier codes alone", () => {
    const text = "Ngày 29/7/2020, lệ phí 1.500.000 đồng, 1,500,000 đồng, hồ sơ HS2020-000123456 và HS-000123456.";
    expect(maskPersonal(text)).toBe(text);
  });
});
