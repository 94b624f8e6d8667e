// The compliance report as a PDF: a title block, then disclosures per partner and legal basis,
// retention status, the audit log's verification and last checkpoint, and the key slots.
#include <QBuffer>
#include <QPdfWriter>
#include <algorithm>

#include "reports/compliance_report.hpp"
#include "reports/offscreen_gui.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/report_texts.hpp"

namespace mk::reports {

namespace {

using pdf::Canvas;
using pdf::GridCell;
using pdf::qs;

const Label kDisclosures{"Verstrekkingen per partner en grondslag",
                         "Disclosures per partner and legal basis"};
const Label kPartner{"Partner", "Partner"};
const Label kBasis{"Grondslag", "Legal basis"};
const Label kCount{"Aantal", "Count"};
const Label kNoDisclosures{"Geen verstrekkingen.", "No disclosures."};
const Label kRetention{"Bewaartermijnen", "Retention"};
const Label kDue{"Te vernietigen", "Due"};
const Label kOverdue{"Waarvan over tijd", "Of which overdue"};
const Label kHeld{"Bewaard wegens juridische blokkade", "Kept under legal hold"};
const Label kAudit{"Auditlog", "Audit log"};
const Label kVerification{"Verificatie", "Verification"};
const Label kVerified{"in orde", "verified"};
const Label kFailed{"MISLUKT", "FAILED"};
const Label kDetail{"Toelichting", "Detail"};
const Label kCheckpoint{"Laatste checkpoint", "Last checkpoint"};
const Label kNoCheckpoint{"geen", "none"};
const Label kEntries{"regels", "entries"};
const Label kKeySlots{"Sleutelsloten", "Key slots"};
const Label kSlotName{"Naam", "Name"};
const Label kSlotRole{"Rol", "Role"};

Label role_label(const std::string& role) {
  if (role == "coordinator") return {"Coördinator", "Coordinator"};
  if (role == "compliance") return {"Functionaris gegevensbescherming", "Compliance officer"};
  if (role == "recovery") return {"Herstelsleutel", "Recovery key"};
  return {role, role};
}

GridCell header(const Canvas& c, const Label& l, bool numeric = false) {
  return {c.first(l), c.second(l), numeric};
}

// A grid of text columns: widths from the content, the last `numeric` columns right-aligned.
void text_grid(Canvas& c, std::vector<GridCell> head, std::vector<std::vector<GridCell>> rows,
               std::size_t total_rows = 0) {
  pdf::Grid g;
  g.header = std::move(head);
  g.rows = std::move(rows);
  g.total_rows = total_rows;
  double sum = 0;
  for (std::size_t i = 0; i < g.header.size(); ++i) {
    std::vector<GridCell> column{g.header[i]};
    for (const auto& row : g.rows)
      column.push_back(row[i]);
    g.widths.push_back(std::max(c.column_width(column), c.mm(20)));
    sum += g.widths.back();
  }
  if (sum > c.width()) {  // shrink the text columns in proportion
    const double scale = c.width() / sum;
    for (double& w : g.widths)
      w *= scale;
  }
  c.grid(g);
}

void disclosures(Canvas& c, const ComplianceReport& r) {
  c.ensure(c.heading_height(kDisclosures) + c.mm(25));
  c.heading(kDisclosures);
  if (r.disclosures.empty()) {
    c.note(kNoDisclosures, 9);
    return;
  }
  std::vector<std::vector<GridCell>> rows;
  std::int64_t total = 0;
  for (const DisclosureCount& d : r.disclosures) {
    rows.push_back({{qs(d.partner)}, {qs(d.legal_basis)}, {QString::number(d.count), {}, true}});
    total += d.count;
  }
  rows.push_back({{c.first(texts::kTotal), c.second(texts::kTotal), false, true},
                  {},
                  {QString::number(total), {}, true, true}});
  text_grid(c, {header(c, kPartner), header(c, kBasis), header(c, kCount, true)}, std::move(rows),
            1);
}

void retention(Canvas& c, const ComplianceReport& r) {
  c.ensure(c.heading_height(kRetention) + c.mm(25));
  c.heading(kRetention);
  text_grid(c, {header(c, kDue, true), header(c, kOverdue, true), header(c, kHeld, true)},
            {{{QString::number(r.retention.due), {}, true},
              {QString::number(r.retention.overdue), {}, true, r.retention.overdue > 0},
              {QString::number(r.retention.held), {}, true}}});
}

void audit(Canvas& c, const ComplianceReport& r) {
  const AuditStatus& a = r.audit;
  auto both = [&](const Label& l) {
    return c.second(l).isEmpty() ? c.first(l) : c.first(l) + " / " + c.second(l);
  };
  std::vector<std::pair<Label, QString>> facts = {
      {kVerification, both(a.verified ? kVerified : kFailed)}};
  if (a.last_checkpoint) {
    const CheckpointInfo& cp = *a.last_checkpoint;
    facts.push_back({kCheckpoint, QString::number(cp.size) + " " + c.first(kEntries) + " · " +
                                      qs(cp.root_hash.substr(0, 16)) + "… · " +
                                      qs(format_instant(cp.time))});
  } else {
    facts.push_back({kCheckpoint, both(kNoCheckpoint)});
  }
  c.ensure(c.heading_height(kAudit) + c.facts_height(facts) + c.mm(10));
  c.heading(kAudit);
  c.facts(facts);
  if (!a.detail.empty()) {
    c.paragraph(c.first(kDetail) + ": " + qs(a.detail), c.font(8.5), pdf::kInk);
    c.advance(c.mm(2));
  }
}

void key_slots(Canvas& c, const ComplianceReport& r) {
  c.ensure(c.heading_height(kKeySlots) + c.mm(25));
  c.heading(kKeySlots);
  std::vector<std::vector<GridCell>> rows;
  for (const KeySlotInfo& k : r.key_slots) {
    const Label role = role_label(k.role);
    rows.push_back({{qs(k.name)}, {c.first(role), c.second(role)}});
  }
  text_grid(c, {header(c, kSlotName), header(c, kSlotRole)}, std::move(rows));
}

int draw(const ComplianceReport& r, const PdfOptions& options, int total_pages, QIODevice& out) {
  QPdfWriter writer(&out);
  writer.setTitle(qs(primary(texts::kComplianceTitle, options.language)));
  pdf::PdfPages pages(writer);
  Canvas c(pages, {options.language, options.bilingual},
           qs("Meldkluis · " + r.municipality + " · " + format_instant(r.created)), total_pages);
  c.title(texts::kComplianceTitle);
  c.facts({{texts::kMunicipality, qs(r.municipality)},
           {texts::kCreated, qs(format_instant(r.created))}});
  disclosures(c, r);
  retention(c, r);
  audit(c, r);
  key_slots(c, r);
  c.finish();
  return c.pages();
}

}  // namespace

Result<std::string> render_compliance_pdf(const ComplianceReport& report,
                                          const PdfOptions& options) {
  MK_RETURN_IF_ERROR(validate_compliance_report(report));
  if (!have_gui_application()) {
    return internal_error("rendering a PDF needs a QGuiApplication (create an OffscreenGui first)");
  }
  QBuffer first;
  first.open(QIODevice::WriteOnly);
  const int pages = draw(report, options, 0, first);
  QBuffer second;
  second.open(QIODevice::WriteOnly);
  if (draw(report, options, pages, second) != pages) {
    return internal_error("the report's pages changed between the two drawing passes");
  }
  const QByteArray& bytes = second.data();
  return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

}  // namespace mk::reports
