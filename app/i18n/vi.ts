/**
 * Vietnamese: the default language. Every UI string lives here and in en.ts (same keys;
 * the type of en.ts is this object's, so a missing key fails the type check).
 * `{name}` placeholders are filled by `t()`.
 */
import { dashboardVi } from "./sections/dashboard.vi";
import { authVi } from "./sections/auth.vi";
import { reportVi } from "./sections/report.vi";
import { enumeratorVi } from "./sections/enumerator.vi";
import { fieldworkVi } from "./sections/fieldwork.vi";
import { reviewVi } from "./sections/review.vi";
import { syncVi } from "./sections/sync.vi";
import { roundsVi } from "./sections/rounds.vi";
import { unitsVi } from "./sections/units.vi";
import { securityVi } from "./sections/security.vi";

const core = {
  "app.name": "Hài Lòng",
  "app.tagline": "Đo lường sự hài lòng về sự phục vụ hành chính (SIPAS)",
  "app.title": "Hài Lòng — đo lường sự hài lòng (SIPAS)",
  "nav.home": "Trang chủ",
  "nav.skip": "Bỏ qua, đến nội dung chính",
  "nav.language": "Ngôn ngữ",
  "nav.results": "Kết quả",
  "lang.vi": "Tiếng Việt",
  "lang.en": "English",

  "home.heading": "Các đợt khảo sát",
  "home.intro":
    "Hài Lòng giúp tỉnh khảo sát người dân, tổ chức về mức độ hài lòng khi giải quyết thủ tục hành chính và tính chỉ số SIPAS cho từng sở, ngành, huyện và xã.",
  "home.noRounds": "Chưa có đợt khảo sát nào.",
  "home.plan": "Kế hoạch {plan}",
  "home.period": "Thời gian: {from} – {to}",
  "home.progress": "Đã thu {n}/{target} phiếu",
  "home.takeSurvey": "Trả lời khảo sát",
  "home.viewResults": "Xem kết quả",
  "home.officialResults": "Kết quả (dành cho cán bộ)",

  "status.draft": "Bản nháp",
  "status.collecting": "Đang thu phiếu",
  "status.closed": "Đã kết thúc",

  "level.department": "Sở, ngành",
  "level.district": "Huyện, thành phố",
  "level.commune": "Xã, phường, thị trấn",
  "level.departments": "Sở, ngành tỉnh",
  "level.districts": "Huyện, thành phố",
  "level.communes": "Xã, phường, thị trấn",

  "pick.heading": "Chọn cơ quan Ông/Bà đã đến giải quyết thủ tục",
  "pick.intro":
    "Chọn đúng cơ quan đã tiếp nhận và trả kết quả hồ sơ của Ông/Bà. Mỗi cơ quan có một đường dẫn khảo sát riêng.",

  "survey.startHeading": "Phiếu khảo sát sự hài lòng",
  "survey.startIntro":
    "Ông/Bà vừa giải quyết thủ tục hành chính tại {unit}. Xin Ông/Bà dành khoảng 10 phút cho biết mức độ hài lòng. Phiếu không ghi tên, số điện thoại; câu trả lời chỉ dùng để thống kê.",
  "survey.chooseLanguage": "Chọn ngôn ngữ trả lời",
  "survey.begin": "Bắt đầu",
  "survey.stepOf": "Bước {n}/{total}",
  "survey.next": "Tiếp tục",
  "survey.back": "Quay lại",
  "survey.review": "Xem lại câu trả lời",
  "survey.reviewIntro": "Xin Ông/Bà kiểm tra lại các câu trả lời trước khi gửi. Có thể sửa từng phần.",
  "survey.edit": "Sửa phần “{section}”",
  "survey.notAnswered": "Chưa trả lời",
  "survey.submit": "Gửi phiếu",
  "survey.saved": "Câu trả lời được lưu sau mỗi bước. Nếu mất kết nối, mở lại đường dẫn này để làm tiếp.",
  "survey.required": "Bắt buộc",
  "survey.optional": "Không bắt buộc",
  "survey.errorSummary": "Còn {n} câu chưa hợp lệ. Xin xem thông báo dưới từng câu.",
  "survey.chooseUpTo": "Chọn tối đa {n} ý.",
  "survey.commentHint": "Tối đa 2.000 ký tự. Xin đừng ghi họ tên, số điện thoại.",
  "survey.thanksHeading": "Xin cảm ơn Ông/Bà!",
  "survey.thanksBody":
    "Phiếu của Ông/Bà đã được ghi nhận. Ý kiến của Ông/Bà giúp cơ quan hành chính phục vụ người dân tốt hơn.",
  "survey.receipt": "Mã phiếu",
  "survey.receiptHint": "Ông/Bà có thể ghi lại mã này để đối chiếu khi cần.",
  "survey.alreadyHeading": "Ông/Bà đã gửi phiếu này",
  "survey.alreadyBody": "Phiếu khảo sát cho {unit} từ thiết bị này đã được gửi, mã phiếu {receipt}.",
  "survey.startNew": "Trả lời một phiếu mới (người khác dùng chung máy)",
  "survey.incomplete": "Phiếu còn phần chưa trả lời: {sections}. Xin hoàn thành trước khi gửi.",

  "scale.1": "Rất không hài lòng",
  "scale.2": "Không hài lòng",
  "scale.3": "Bình thường",
  "scale.4": "Hài lòng",
  "scale.5": "Rất hài lòng",
  "scale.9": "Không áp dụng / không có ý kiến",

  "error.required": "Xin chọn một câu trả lời cho câu này.",
  "error.invalidChoice": "Lựa chọn này không có trong danh sách. Xin chọn lại.",
  "error.tooManyChoices": "Xin chọn không quá {n} ý.",
  "error.tooLong": "Ý kiến dài quá {n} ký tự. Xin rút gọn.",
  "error.language": "Xin chọn ngôn ngữ trả lời.",

  "gone.notFoundHeading": "Không tìm thấy trang",
  "gone.notFoundBody": "Đường dẫn không đúng hoặc không còn tồn tại. Xin kiểm tra lại đường dẫn đã nhận.",
  "gone.tokenUnknown": "Mã mời khảo sát này không tồn tại. Xin kiểm tra lại đường dẫn trong tin nhắn đã nhận.",
  "gone.tokenUsed": "Mã mời này đã được dùng để gửi một phiếu. Mỗi mã chỉ dùng được một lần. Xin cảm ơn Ông/Bà.",
  "gone.tokenExpired": "Mã mời này đã hết hạn. Đợt khảo sát không còn nhận phiếu qua mã này.",
  "gone.roundClosed": "Đợt khảo sát “{round}” đã kết thúc, không nhận thêm phiếu. Xin cảm ơn Ông/Bà.",
  "gone.roundNotOpen": "Đợt khảo sát “{round}” chưa mở. Xin quay lại sau.",
  "gone.heading": "Không thể mở phiếu khảo sát",
  "error.heading": "Đã xảy ra lỗi",
  "error.body": "Hệ thống gặp sự cố khi xử lý yêu cầu. Câu trả lời đã lưu không bị mất; xin thử lại sau ít phút.",
  "error.backHome": "Về trang chủ",

  "results.heading": "Kết quả: {round}",
  "results.summary":
    "{n} phiếu hợp lệ trên chỉ tiêu {target}, {units} đơn vị. Chỉ số SIPAS toàn tỉnh (ước lượng theo mẫu phân tầng): {index}%.",
  "results.method":
    "Chỉ số của một tiêu chí là tỷ lệ người trả lời “Hài lòng” hoặc “Rất hài lòng” trên số người có ý kiến (không tính “Không áp dụng”). Chỉ số yếu tố là trung bình các tiêu chí; chỉ số đơn vị là trung bình năm yếu tố. Cấp tỉnh được ước lượng theo mẫu phân tầng, trọng số N_h/n_h.",
  "results.meanOfUnits": "Trung bình cộng chỉ số các đơn vị: {index}%",
  "results.tableCaption": "Chỉ số hài lòng theo đơn vị (%), sắp xếp theo {sort}",
  "results.unit": "Đơn vị",
  "results.level": "Cấp",
  "results.n": "Số phiếu",
  "results.index": "Chỉ số SIPAS",
  "results.sortBy": "Sắp xếp theo {column}",
  "results.ascending": "tăng dần",
  "results.descending": "giảm dần",
  "results.noData": "Chưa có phiếu",
  "results.byLevel": "Theo cấp",
  "results.unitHeading": "{unit}: kết quả chi tiết",
  "results.unitSummary": "{n} phiếu hợp lệ (chỉ tiêu {target}, N = {population} hồ sơ). Chỉ số SIPAS: {index}%.",
  "results.criterion": "Tiêu chí",
  "results.criterionIndex": "Chỉ số (%)",
  "results.ci": "Khoảng tin cậy 95%",
  "results.naShare": "Tỷ lệ “Không áp dụng”",
  "results.meanScore": "Điểm trung bình (1–5)",
  "results.elementIndex": "Chỉ số yếu tố",
  "results.backToRound": "← Tất cả đơn vị của đợt",
  "results.ciExact": "khoảng chính xác (Clopper–Pearson)",
  "results.dash": "—",
} as const;

/** The one Vietnamese dictionary: the core strings and each area's section. */
export const vi = {
  ...core,
  ...authVi,
  ...dashboardVi,
  ...reportVi,
  ...unitsVi,
  ...roundsVi,
  ...fieldworkVi,
  ...enumeratorVi,
  ...reviewVi,
  ...syncVi,
  ...securityVi,
} as const;

export type MessageKey = keyof typeof vi;
