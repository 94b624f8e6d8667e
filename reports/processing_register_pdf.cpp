// The register of processing activities as a PDF: a title block (controller, FG, activity), then
// one table per part of the register, drawn on the shared canvas (pdf_canvas.hpp).
#include "reports/processing_register_pdf.hpp"

#include <QBuffer>
#include <QPdfWriter>
#include <initializer_list>

#include "reports/offscreen_gui.hpp"
#include "reports/pdf_canvas.hpp"
#include "reports/report_texts.hpp"

namespace mk::reports {

namespace {

using pdf::Canvas;
using pdf::GridCell;
using pdf::qs;

const Label kTitle{"Register van verwerkingsactiviteiten (AVG art. 30)",
                   "Record of processing activities (GDPR art. 30)"};
const Label kController{"Verwerkingsverantwoordelijke", "Controller"};
const Label kAddress{"Adres", "Address"};
const Label kContact{"Contact", "Contact"};
const Label kDpo{"Functionaris gegevensbescherming", "Data protection officer"};
const Label kDpoContact{"Contact FG", "DPO contact"};
const Label kActivity{"Verwerking", "Processing activity"};
const Label kThirdCountries{"Doorgifte buiten de EER", "Transfers outside the EEA"};
const Label kGenerated{"Gegenereerd", "Generated"};
const Label kItem{"Onderdeel", "Item"};
const Label kEntry{"Gegeven", "Entry"};
const Label kUnconfirmed{"NIET BEVESTIGD", "NOT CONFIRMED"};
const Label kPurposes{"Doeleinden en grondslagen", "Purposes and legal bases"};
const Label kPurpose{"Doel", "Purpose"};
const Label kBasis{"Grondslag en bron", "Legal basis and reference"};
const Label kSubjectsShort{"Betrokkenen", "Data subjects"};
const Label kRecipientsShort{"Ontvangers", "Recipients"};
const Label kSubjects{"Betrokkenen en categorieën van gegevens",
                      "Data subjects and categories of data"};
const Label kSubject{"Betrokkene", "Data subject"};
const Label kCategory{"Categorie", "Category"};
const Label kFields{"Gegevens (* versleuteld per veld)", "Data (* encrypted per field)"};
const Label kSpecial{"Bijzonder (art. 9)", "Special (art. 9)"};
const Label kCriminal{"Strafrechtelijk (art. 10)", "Criminal (art. 10)"};
const Label kRecipients{"Ontvangers", "Recipients"};
const Label kPartner{"Partner en doel", "Partner and purpose"};
const Label kReceives{"Ontvangt per rol", "Receives per role"};
const Label kMarks{"Markering", "Marking"};
const Label kRecordFields{"dossier", "records"};
const Label kConsent{"toestemming nodig", "consent required"};
const Label kNoMinors{"geen minderjarigen", "no minors"};
const Label kRetention{"Bewaartermijnen", "Retention periods"};
const Label kRule{"Regel", "Rule"};
const Label kScope{"Soort en voorwaarden", "Class and conditions"};
const Label kPeriod{"Termijn vanaf", "Period from"};
const Label kAction{"Actie", "Action"};
const Label kReference{"Bron", "Reference"};
const Label kConfirmed{"Bevestigd", "Confirmed"};
const Label kYes{"ja", "yes"};
const Label kNo{"nee", "no"};
const Label kMeasures{"Beveiligingsmaatregelen", "Security measures"};
const Label kMeasure{"Maatregel", "Measure"};
const Label kWhat{"Wat de software doet", "What the software does"};
const Label kSources{"Bronnen van dit register", "Sources of this register"};
const Label kFile{"Beleidsbestand", "Policy file"};
const Label kVault{"Kluis", "Vault"};
const Label kVaultId{"Kluis-id", "Vault id"};
const Label kSchema{"Schemaversie", "Schema version"};
const Label kSlots{"Sleutelsloten per rol", "Key slots per role"};
const Label kNoVault{"Gemaakt zonder kluis: alleen de beleidsbestanden.",
                     "Made without a vault: the policy files only."};

Label fate_label(const std::string& fate) {
  if (fate == "include") return {"volledig", "included"};
  if (fate == "pseudonymise") return {"gepseudonimiseerd", "pseudonymised"};
  if (fate == "generalise") return {"gegeneraliseerd", "generalised"};
  return {fate, fate};
}

// "nl / en" of a label in the canvas's languages.
QString both(const Canvas& c, const Label& l) {
  return c.second(l).isEmpty() ? c.first(l) : c.first(l) + " / " + c.second(l);
}

GridCell head(const Canvas& c, const Label& l) {
  return {c.first(l), c.second(l)};
}

GridCell cell(const Canvas& c, const Label& l) {
  return {c.first(l), c.second(l)};
}

QString join(const std::vector<std::string>& items, const char* separator = ", ") {
  QString out;
  for (const std::string& s : items)
    out += (out.isEmpty() ? "" : separator) + qs(s);
  return out;
}

// A grid whose columns take the given shares of the page width.
void table(Canvas& c, std::initializer_list<double> shares, std::vector<GridCell> header,
           std::vector<std::vector<GridCell>> rows) {
  pdf::Grid g;
  for (double s : shares)
    g.widths.push_back(c.width() * s);
  g.header = std::move(header);
  g.rows = std::move(rows);
  c.grid(g);
}

void section(Canvas& c, const Label& l) {
  c.ensure(c.heading_height(l) + c.mm(30));
  c.heading(l);
}

QString mark_text(const std::optional<DataMark>& m) {
  return m ? qs(m->article + ": " + m->reason) : QString("—");
}

void title_block(Canvas& c, const ProcessingRegister& r) {
  c.title(kTitle);
  auto confirmed = [&](const ControllerInfo& p) {
    return qs(p.name) + (p.confirmed ? "" : "  (" + both(c, kUnconfirmed) + ")");
  };
  const std::vector<std::pair<Label, QString>> entries = {
      {kController, confirmed(r.controller)},   {kAddress, qs(r.controller.address)},
      {kContact, qs(r.controller.contact)},     {kDpo, confirmed(r.dpo)},
      {kDpoContact, qs(r.dpo.contact)},         {kActivity, c.first(r.activity)},
      {kThirdCountries, qs(r.third_countries)}, {kGenerated, qs(format_instant(r.generated))}};
  std::vector<std::vector<GridCell>> rows;
  for (const auto& [key, value] : entries)
    rows.push_back({cell(c, key), {value}});
  table(c, {0.32, 0.68}, {head(c, kItem), head(c, kEntry)}, std::move(rows));
  c.note(r.description, 9);
}

void purposes(Canvas& c, const ProcessingRegister& r) {
  section(c, kPurposes);
  std::vector<std::vector<GridCell>> rows;
  for (const RegisterPurpose& p : r.purposes) {
    rows.push_back({cell(c, p.label),
                    {qs(p.legal_basis), qs(p.legal_basis_reference)},
                    {join(p.subjects)},
                    {p.recipients.empty() ? "—" : join(p.recipients)}});
  }
  table(c, {0.22, 0.42, 0.14, 0.22},
        {head(c, kPurpose), head(c, kBasis), head(c, kSubjectsShort), head(c, kRecipientsShort)},
        std::move(rows));
}

void subjects(Canvas& c, const ProcessingRegister& r) {
  section(c, kSubjects);
  std::vector<std::vector<GridCell>> rows;
  for (const SubjectCategory& s : r.subjects) {
    bool first_row = true;
    for (const DataCategory& d : s.data) {
      QString fields;
      for (const RegisterField& f : d.fields)
        fields += (fields.isEmpty() ? "" : ", ") + qs(f.name) + (f.encrypted ? "*" : "");
      rows.push_back({first_row ? cell(c, s.label) : GridCell{},
                      cell(c, d.label),
                      {fields},
                      {mark_text(d.special), {}, false, d.special.has_value()},
                      {mark_text(d.criminal), {}, false, d.criminal.has_value()}});
      first_row = false;
    }
  }
  table(c, {0.13, 0.22, 0.29, 0.18, 0.18},
        {head(c, kSubject), head(c, kCategory), head(c, kFields), head(c, kSpecial),
         head(c, kCriminal)},
        std::move(rows));
}

void recipients(Canvas& c, const ProcessingRegister& r) {
  section(c, kRecipients);
  std::vector<std::vector<GridCell>> rows;
  for (const RegisterRecipient& x : r.recipients) {
    QString receives;
    for (const RecipientRole& role : x.roles) {
      QString fields;
      for (const RecipientField& f : role.fields)
        fields += (fields.isEmpty() ? "" : ", ") + qs(f.name) +
                  (f.fate == "include" ? "" : " (" + c.first(fate_label(f.fate)) + ")");
      receives += (receives.isEmpty() ? "" : "\n") + qs(role.role) + ": " + fields;
    }
    receives += "\n" + c.first(kRecordFields) + ": " + join(x.record_fields);
    QString basis = qs(x.legal_basis);
    if (x.consent_required) {
      basis += "; " + c.first(kConsent) + " (" + QString::number(x.consent_self_from_age) + "+)";
    }
    if (x.minors == "refuse") basis += "; " + c.first(kNoMinors);
    QString marks;
    for (const auto* m : {&x.special, &x.criminal})
      if (*m) marks += (marks.isEmpty() ? "" : "\n") + qs((*m)->article);
    rows.push_back({{c.first(x.name), c.first(x.purpose)},
                    {basis},
                    {receives},
                    {marks.isEmpty() ? "—" : marks, {}, false, !marks.isEmpty()}});
  }
  table(c, {0.22, 0.31, 0.35, 0.12},
        {head(c, kPartner), head(c, kBasis), head(c, kReceives), head(c, kMarks)}, std::move(rows));
}

void retention(Canvas& c, const ProcessingRegister& r) {
  section(c, kRetention);
  std::vector<std::vector<GridCell>> rows;
  for (const RegisterRetention& x : r.retention) {
    QString scope = qs(x.record_class);
    if (!x.roles.empty()) scope += "\nrole: " + join(x.roles);
    if (!x.outcomes.empty()) scope += "\noutcome: " + join(x.outcomes);
    if (!x.disclosed_to.empty()) scope += "\ndisclosed to: " + join(x.disclosed_to);
    if (!x.not_disclosed_to.empty()) scope += "\nnot disclosed to: " + join(x.not_disclosed_to);
    rows.push_back({{qs(x.id)},
                    {scope},
                    {qs(x.period), qs(x.trigger)},
                    {qs(x.action)},
                    {qs(x.reference), x.note.empty() ? QString() : qs(x.note)},
                    {both(c, x.confirmed ? kYes : kNo), {}, false, !x.confirmed}});
  }
  table(c, {0.19, 0.16, 0.09, 0.10, 0.35, 0.11},
        {head(c, kRule), head(c, kScope), head(c, kPeriod), head(c, kAction), head(c, kReference),
         head(c, kConfirmed)},
        std::move(rows));
}

void measures(Canvas& c, const ProcessingRegister& r) {
  section(c, kMeasures);
  std::vector<std::vector<GridCell>> rows;
  for (const SecurityMeasure& m : r.measures)
    rows.push_back({cell(c, m.label), {qs(m.description)}, {qs(m.reference)}});
  table(c, {0.25, 0.55, 0.20}, {head(c, kMeasure), head(c, kWhat), head(c, kReference)},
        std::move(rows));
}

void sources(Canvas& c, const ProcessingRegister& r) {
  section(c, kSources);
  std::vector<std::vector<GridCell>> rows;
  for (const PolicyFileHash& f : r.policy_files)
    rows.push_back({{qs(f.file)}, {qs(f.sha256)}});
  table(c, {0.22, 0.78}, {head(c, kFile), {"SHA-256"}}, std::move(rows));
  if (!r.vault) {
    c.note(kNoVault, 9);
    return;
  }
  QString slot_text;
  for (const auto& [role, n] : r.vault->slots_by_role)
    slot_text += (slot_text.isEmpty() ? "" : ", ") + qs(role) + ": " + QString::number(n);
  std::vector<std::pair<Label, QString>> facts = {
      {kVaultId, qs(r.vault->vault_id)},
      {kSchema, QString::number(r.vault->schema_version)},
      {kSlots, slot_text}};
  c.ensure(c.heading_height(kVault) + c.facts_height(facts));
  c.heading(kVault);
  c.facts(facts);
}

int draw(const ProcessingRegister& r, const PdfOptions& options, int total_pages, QIODevice& out) {
  QPdfWriter writer(&out);
  writer.setTitle(qs(primary(kTitle, options.language)));
  pdf::PdfPages pages(writer);
  Canvas c(pages, {options.language, options.bilingual},
           qs("Meldkluis · " + r.controller.name + " · " + format_instant(r.generated)),
           total_pages);
  title_block(c, r);
  purposes(c, r);
  subjects(c, r);
  recipients(c, r);
  retention(c, r);
  measures(c, r);
  sources(c, r);
  c.finish();
  return c.pages();
}

}  // namespace

Result<std::string> render_processing_register_pdf(const ProcessingRegister& r,
                                                   const PdfOptions& options) {
  if (!have_gui_application()) {
    return internal_error("rendering a PDF needs a QGuiApplication (create an OffscreenGui first)");
  }
  QBuffer first;
  first.open(QIODevice::WriteOnly);
  const int pages = draw(r, options, 0, first);
  QBuffer second;
  second.open(QIODevice::WriteOnly);
  if (draw(r, options, pages, second) != pages) {
    return internal_error("the register's pages changed between the two drawing passes");
  }
  const QByteArray& bytes = second.data();
  return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

}  // namespace mk::reports
