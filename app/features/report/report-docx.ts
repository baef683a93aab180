import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import { translator, type UiLanguage } from "~/i18n";
import { splitParagraphs } from "./report-text";
import { formatCell, type ReportTable } from "./report-tables";

/**
 * The report as a Word document, in the presentation of Vietnamese administrative
 * documents (Decree 30/2020/NĐ-CP, Appendix I): A4 portrait, margins top and bottom 2 cm,
 * left 3 cm, right 2 cm; Times New Roman 13 pt body, paragraphs justified with a 1 cm
 * first-line indent and 6 pt between them; tables numbered "Bảng 1. …" above the table.
 * The edited text comes first, the tables after it.
 */

/** Word measures pages in twentieths of a point (twips): 1 cm = 567 twips. */
const CM = 567;
const A4 = { width: 11_906, height: 16_838 };
export const DOCX_LAYOUT = {
  page: { size: A4, margin: { top: 2 * CM, bottom: 2 * CM, left: 3 * CM, right: 2 * CM } },
  font: "Times New Roman",
  /** Half-points: 26 = 13 pt (body), 22 = 11 pt (tables, which hold up to 10 columns). */
  bodySize: 26,
  tableSize: 22,
} as const;

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: CM },
    spacing: { after: 120, line: 312 },
    children: [new TextRun(text)],
  });
}

function cell(text: string, options: { bold?: boolean; right?: boolean }) {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold, size: DOCX_LAYOUT.tableSize })],
      }),
    ],
  });
}

function table(t: ReportTable, n: number, lang: UiLanguage): (Paragraph | Table)[] {
  const tr = translator(lang);
  const numeric = t.columns.map((c) => c.kind !== "text");
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120 },
      keepNext: true,
      children: [new TextRun({ text: tr("report.table.numbered", { n, title: t.title }), bold: true })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.columns.map((c) => cell(c.label, { bold: true })),
        }),
        ...t.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((value, i) => cell(formatCell(lang, t.columns[i].kind, value), { right: numeric[i] })),
            }),
        ),
      ],
    }),
    new Paragraph({
      spacing: { before: 60, after: 120 },
      children: [new TextRun({ text: tr("report.table.source"), italics: true, size: DOCX_LAYOUT.tableSize })],
    }),
  ];
}

export async function reportToDocx(input: {
  title: string;
  subtitle: string;
  text: string;
  tables: ReportTable[];
  notes: string[];
  lang: UiLanguage;
}): Promise<Buffer> {
  const section: ISectionOptions = {
    properties: { page: DOCX_LAYOUT.page },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: input.title.toLocaleUpperCase("vi"), bold: true })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: input.subtitle, italics: true })],
      }),
      ...splitParagraphs(input.text).map(body),
      ...input.tables.flatMap((t, i) => table(t, i + 1, input.lang)),
      ...input.notes.map(
        (note) =>
          new Paragraph({ children: [new TextRun({ text: note, italics: true, size: DOCX_LAYOUT.tableSize })] }),
      ),
    ],
  };
  const document = new Document({
    creator: "Hài Lòng",
    title: input.title,
    styles: { default: { document: { run: { font: DOCX_LAYOUT.font, size: DOCX_LAYOUT.bodySize } } } },
    sections: [section],
  });
  return Packer.toBuffer(document);
}
