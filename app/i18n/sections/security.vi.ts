/** Refusals: too many requests (429) and forms sent from another site (403). */
export const securityVi = {
  "security.tooManyHeading": "Quá nhiều yêu cầu",
  "security.tooManyBody":
    "Có quá nhiều yêu cầu từ thiết bị hoặc mạng này trong thời gian ngắn. Xin đợi khoảng {seconds} giây rồi thử lại. Những câu trả lời đã lưu không bị mất.",
  "security.forbiddenHeading": "Yêu cầu bị từ chối",
  "security.crossOriginBody":
    "Biểu mẫu này được gửi từ một trang web khác, không phải từ Hài Lòng, nên đã bị từ chối để bảo vệ Ông/Bà. Xin mở lại trang từ địa chỉ chính thức rồi gửi lại.",
  "security.forbiddenBody": "Tài khoản của Ông/Bà không có quyền xem trang này.",
  "security.backHome": "Về trang chủ",
} as const;
