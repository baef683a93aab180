/** Vietnamese messages of the enumerator sync API (issue 5). Merged into ../vi.ts. */
export const syncVi = {
  "sync.unauthenticated":
    "Phiên đăng nhập đã hết hoặc chưa đăng nhập. Đăng nhập lại khi có mạng; phiếu vẫn được giữ trên máy.",
  "sync.forbidden": "Tài khoản này không được thu phiếu phỏng vấn.",
  "sync.badBody": 'Yêu cầu không hợp lệ: cần một đối tượng JSON {"interviews": […]} có từ 1 đến {max} phiếu.',
  "sync.serverError": "Máy chủ đang gặp sự cố. Phiếu vẫn được giữ trên máy; hãy gửi lại sau.",
  "sync.testFailure": "Lượt gửi này bị máy chủ từ chối có chủ ý (chế độ kiểm thử). Phiếu vẫn được giữ trên máy.",
  "sync.stored": "Máy chủ đã nhận phiếu.",
  "sync.duplicate": "Máy chủ đã có phiếu này từ lần gửi trước.",
  "sync.conflict": "Phiếu này đã được gửi trước đó với nội dung khác; máy chủ giữ bản đã gửi. Liên hệ giám sát viên.",
  "sync.invalid": "Phiếu chưa được nhận: {reasons}",
  "sync.reason.shape": "dữ liệu không đúng định dạng ({path})",
  "sync.reason.round": "đợt khảo sát không tồn tại hoặc không còn thu phiếu",
  "sync.reason.unit": "Ông/Bà không được giao đơn vị này trong đợt khảo sát",
  "sync.reason.frameRow": "người được phỏng vấn không thuộc danh sách được giao cho Ông/Bà",
  "sync.reason.language": "ngôn ngữ của phiếu không có trong bộ câu hỏi",
  "sync.reason.times": "giờ kết thúc phải sau giờ bắt đầu và không được ở tương lai",
  "sync.reason.section": "phần “{section}” không có trong bộ câu hỏi",
  "sync.reason.answer": "phần “{section}”, câu {item}: {message}",
  "sync.reason.incomplete": "chưa trả lời đủ các phần: {sections}",
  "sync.notFound": "Không có trang này.",
} as const;
