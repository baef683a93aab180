/**
 * The 2017–2020 SIPAS questionnaire (Quyết định 2640/QĐ-BNV): 5 elements, 22 criteria.
 * The element names and the count 22 are from the decision; the split of criteria into
 * elements and their wording follow docs/method/sipas.md §1, which marks them as inference.
 *
 * Item codes: p01–p07 respondent profile, c01–c22 criteria, x01 expectations, y01 the
 * open comment. Option codes are short ascii slugs, stable across translations.
 */
import type {
  InstrumentDefinition,
  ItemDefinition,
  LocalizedText,
  OptionDefinition,
} from "../../app/domain/instruments/instrument-definition";

function option(code: string, vi: string, en: string): OptionDefinition {
  return { code, label: { vi, en } };
}

function single(code: string, text: LocalizedText, options: OptionDefinition[]): ItemDefinition {
  return { code, kind: "single", text, options, required: true };
}

function criterion(code: string, vi: string, en: string): ItemDefinition {
  return { code, kind: "likert", text: { vi, en }, required: true };
}

const EQUIPMENT_VI = "Trang thiết bị phục vụ người dân, tổ chức tại Bộ phận tiếp nhận và trả kết quả";
const EQUIPMENT_EN = "The equipment provided for citizens and organisations at the reception and result-return desk";

export const sipas2017: InstrumentDefinition = {
  code: "SIPAS-2640",
  version: 1,
  name: {
    vi: "Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước",
    en: "Survey of citizen and organisation satisfaction with the service of state administrative agencies",
  },
  source: "Quyết định 2640/QĐ-BNV ngày 10/10/2017",
  sections: [
    {
      code: "profile",
      kind: "profile",
      title: { vi: "Thông tin về người trả lời phiếu", en: "About the respondent" },
      intro: {
        vi: "Các thông tin dưới đây chỉ được sử dụng cho mục đích thống kê, không dùng để xác định danh tính của Ông/Bà.",
        en: "The information below is used for statistics only, never to identify you.",
      },
      items: [
        single("p01", { vi: "Giới tính của Ông/Bà", en: "Your gender" }, [
          option("male", "Nam", "Male"),
          option("female", "Nữ", "Female"),
        ]),
        single("p02", { vi: "Độ tuổi của Ông/Bà", en: "Your age" }, [
          option("18-25", "Từ 18 đến 25 tuổi", "18 to 25"),
          option("26-34", "Từ 26 đến 34 tuổi", "26 to 34"),
          option("35-49", "Từ 35 đến 49 tuổi", "35 to 49"),
          option("50-60", "Từ 50 đến 60 tuổi", "50 to 60"),
          option("over-60", "Trên 60 tuổi", "Over 60"),
        ]),
        single("p03", { vi: "Dân tộc của Ông/Bà", en: "Your ethnicity" }, [
          option("kinh", "Kinh", "Kinh"),
          option("thai", "Thái", "Thái"),
          option("mong", "Mông", "Mông (Hmong)"),
          option("dao", "Dao", "Dao"),
          option("ha-nhi", "Hà Nhì", "Hà Nhì"),
          option("other", "Dân tộc khác", "Other"),
        ]),
        single("p04", { vi: "Trình độ học vấn cao nhất của Ông/Bà", en: "Your highest level of education" }, [
          option("primary", "Tiểu học trở xuống", "Primary school or less"),
          option("lower-secondary", "Trung học cơ sở", "Lower secondary school"),
          option("upper-secondary", "Trung học phổ thông", "Upper secondary school"),
          option("vocational", "Trung cấp, cao đẳng", "Vocational school or college"),
          option("university", "Đại học", "University"),
          option("postgraduate", "Trên đại học", "Postgraduate"),
        ]),
        single("p05", { vi: "Nghề nghiệp chính của Ông/Bà", en: "Your main occupation" }, [
          option("farmer", "Làm nông, lâm, ngư nghiệp", "Farming, forestry or fishing"),
          option("worker", "Công nhân", "Factory or construction worker"),
          option("business", "Kinh doanh, buôn bán", "Business or trade"),
          option("civil-servant", "Cán bộ, công chức, viên chức", "Civil or public servant"),
          option("freelance", "Lao động tự do", "Self-employed or casual work"),
          option("student", "Học sinh, sinh viên", "Student"),
          option("retired", "Nghỉ hưu", "Retired"),
          option("other", "Nghề nghiệp khác", "Other"),
        ]),
        single("p06", { vi: "Nơi cư trú của Ông/Bà", en: "Where you live" }, [
          option("urban", "Thành thị", "Urban area"),
          option("rural", "Nông thôn", "Rural area"),
        ]),
        single(
          "p07",
          {
            vi: "Ông/Bà đã nộp hồ sơ và nhận kết quả theo hình thức nào?",
            en: "How did you submit your application and receive the result?",
          },
          [
            option(
              "in-person",
              "Trực tiếp tại Bộ phận tiếp nhận và trả kết quả (Bộ phận một cửa)",
              "In person at the reception and result-return (one-stop) desk",
            ),
            option("online", "Trực tuyến qua Cổng dịch vụ công", "Online through the public service portal"),
            option("postal", "Qua dịch vụ bưu chính công ích", "By public postal service"),
          ],
        ),
      ],
    },
    {
      code: "E1",
      kind: "element",
      title: { vi: "Tiếp cận dịch vụ hành chính công", en: "Access to public administrative services" },
      intro: {
        vi: "Xin Ông/Bà cho biết mức độ hài lòng của mình về việc tiếp cận dịch vụ tại Bộ phận tiếp nhận và trả kết quả.",
        en: "How satisfied are you with access to the service at the reception and result-return desk?",
      },
      items: [
        criterion(
          "c01",
          "Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi",
          "The waiting area at the reception and result-return desk has enough seats",
        ),
        criterion("c02", `${EQUIPMENT_VI} đầy đủ`, `${EQUIPMENT_EN} is adequate`),
        criterion("c03", `${EQUIPMENT_VI} hiện đại`, `${EQUIPMENT_EN} is modern`),
        criterion("c04", `${EQUIPMENT_VI} dễ sử dụng`, `${EQUIPMENT_EN} is easy to use`),
      ],
    },
    {
      code: "E2",
      kind: "element",
      title: { vi: "Thủ tục hành chính", en: "Administrative procedures" },
      intro: {
        vi: "Xin Ông/Bà cho biết mức độ hài lòng của mình về thủ tục hành chính mà Ông/Bà đã thực hiện.",
        en: "How satisfied are you with the administrative procedure you went through?",
      },
      items: [
        criterion(
          "c05",
          "Thủ tục hành chính được niêm yết công khai đầy đủ",
          "The administrative procedure is posted publicly in full",
        ),
        criterion(
          "c06",
          "Thủ tục hành chính được niêm yết công khai chính xác",
          "The administrative procedure is posted publicly and accurately",
        ),
        criterion(
          "c07",
          "Thành phần hồ sơ mà Ông/Bà phải nộp là đúng quy định",
          "The documents you had to submit are those required by regulation",
        ),
        criterion(
          "c08",
          "Mức phí, lệ phí mà Ông/Bà phải nộp là đúng quy định",
          "The fees and charges you had to pay are those set by regulation",
        ),
        criterion(
          "c09",
          "Thời gian giải quyết hồ sơ (tính từ ngày hồ sơ được tiếp nhận đến ngày nhận kết quả) là đúng quy định",
          "The processing time (from the day your application was received to the day you got the result) was within the legal limit",
        ),
      ],
    },
    {
      code: "E3",
      kind: "element",
      title: {
        vi: "Công chức trực tiếp giải quyết công việc",
        en: "Civil servants who handled your case",
      },
      intro: {
        vi: "Xin Ông/Bà cho biết mức độ hài lòng của mình về công chức trực tiếp giải quyết công việc cho Ông/Bà.",
        en: "How satisfied are you with the civil servants who handled your case?",
      },
      items: [
        criterion("c10", "Công chức có thái độ giao tiếp lịch sự", "The civil servant was polite"),
        criterion(
          "c11",
          "Công chức chú ý lắng nghe ý kiến của Ông/Bà",
          "The civil servant listened carefully to what you said",
        ),
        criterion(
          "c12",
          "Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà",
          "The civil servant answered and explained all your questions fully",
        ),
        criterion(
          "c13",
          "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo",
          "The civil servant guided you through the forms with care",
        ),
        criterion(
          "c14",
          "Công chức hướng dẫn kê khai hồ sơ dễ hiểu",
          "The civil servant's guidance on the forms was easy to understand",
        ),
        criterion(
          "c15",
          "Công chức tuân thủ đúng quy định trong giải quyết công việc",
          "The civil servant followed the rules in handling your case",
        ),
      ],
    },
    {
      code: "E4",
      kind: "element",
      title: { vi: "Kết quả cung ứng dịch vụ hành chính công", en: "Results of the public administrative service" },
      intro: {
        vi: "Xin Ông/Bà cho biết mức độ hài lòng của mình về kết quả giải quyết thủ tục hành chính mà Ông/Bà nhận được.",
        en: "How satisfied are you with the result of the procedure that you received?",
      },
      items: [
        criterion("c16", "Kết quả mà Ông/Bà nhận được đúng quy định", "The result you received is as regulated"),
        criterion(
          "c17",
          "Kết quả mà Ông/Bà nhận được có thông tin đầy đủ",
          "The result you received contains complete information",
        ),
        criterion(
          "c18",
          "Kết quả mà Ông/Bà nhận được có thông tin chính xác",
          "The result you received contains accurate information",
        ),
      ],
    },
    {
      code: "E5",
      kind: "element",
      title: {
        vi: "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
        en: "Handling of comments, complaints and recommendations",
      },
      intro: {
        vi: "Xin Ông/Bà cho biết mức độ hài lòng của mình về việc cơ quan tiếp nhận, xử lý góp ý, phản ánh, kiến nghị của người dân, tổ chức.",
        en: "How satisfied are you with how the agency receives and handles comments, complaints and recommendations?",
      },
      items: [
        criterion(
          "c19",
          "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị",
          "The agency provides a way to submit comments, complaints and recommendations",
        ),
        criterion(
          "c20",
          "Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị",
          "It was easy for you to submit a comment, complaint or recommendation",
        ),
        criterion(
          "c21",
          "Cơ quan tiếp nhận, xử lý tích cực các góp ý, phản ánh, kiến nghị của Ông/Bà",
          "The agency received and handled your comment, complaint or recommendation actively",
        ),
        criterion(
          "c22",
          "Cơ quan thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị cho Ông/Bà",
          "The agency informed you of the outcome of your comment, complaint or recommendation promptly",
        ),
      ],
    },
    {
      code: "expectations",
      kind: "expectations",
      title: { vi: "Mong đợi của Ông/Bà", en: "Your expectations" },
      intro: {
        vi: "Ý kiến của Ông/Bà giúp cơ quan hành chính nhà nước biết cần cải thiện điều gì trước.",
        en: "Your answer tells the administration what to improve first.",
      },
      items: [
        {
          code: "x01",
          kind: "multi",
          text: {
            vi: "Theo Ông/Bà, cơ quan hành chính nhà nước cần ưu tiên cải thiện những nội dung nào? (chọn tối đa 3 nội dung)",
            en: "Which should the administration improve first? (choose up to 3)",
          },
          options: [
            option(
              "info-channels",
              "Mở rộng các kênh thông tin, tuyên truyền về thủ tục hành chính",
              "More channels of information about procedures",
            ),
            option("simpler-procedures", "Đơn giản hóa thủ tục hành chính", "Simpler procedures"),
            option("shorter-time", "Rút ngắn thời gian giải quyết thủ tục hành chính", "Shorter processing time"),
            option("lower-fees", "Giảm phí, lệ phí giải quyết thủ tục hành chính", "Lower fees and charges"),
            option("attitude", "Cải thiện thái độ phục vụ của công chức", "Better attitude of civil servants"),
            option(
              "competence",
              "Nâng cao năng lực giải quyết công việc của công chức",
              "More competent civil servants",
            ),
            option(
              "feedback",
              "Tăng cường tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
              "Better handling of comments, complaints and recommendations",
            ),
            option(
              "it-use",
              "Đẩy mạnh ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính",
              "More use of information technology in handling procedures",
            ),
          ],
          required: false,
          maxChoices: 3,
        },
      ],
    },
    {
      code: "comment",
      kind: "comment",
      title: { vi: "Ý kiến khác", en: "Other comments" },
      intro: {
        vi: "Nếu Ông/Bà có ý kiến nào khác để cơ quan phục vụ tốt hơn, xin vui lòng ghi rõ dưới đây.",
        en: "If you have any other comment that would help the agency serve you better, please write it below.",
      },
      items: [{ code: "y01", kind: "text", text: { vi: "Ý kiến khác", en: "Other comments" }, required: false }],
    },
  ],
};
