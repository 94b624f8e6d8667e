// meldkluis register: the register of processing activities (AVG art. 30) as PDF or JSON, made
// from the policy files in force (service/processing_register.hpp). Without --vault it needs no
// vault and no passphrase; with an explicit --vault it unlocks that vault and adds its metadata
// ($MELDKLUIS_VAULT is not used, so the register never asks for a passphrase by surprise). This
// file parses and prints; the register is the service's.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "base/json.hpp"
#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "reports/offscreen_gui.hpp"
#include "service/processing_register.hpp"

namespace mk::cli {
namespace {

Outcome<service::RegisterFormat> format_of(const Invocation& inv,
                                           const std::filesystem::path& out) {
  MK_CLI_TRY(std::optional<service::RegisterFormat> given,
             enum_option<service::RegisterFormat>(inv.args, "format",
                                                  service::parse_register_format, "pdf, json"));
  if (given) return *given;
  if (std::optional<service::RegisterFormat> f = service::register_format_for(out)) return *f;
  return Exit::usage(
      "cannot tell the format from the file name (it ends neither in .pdf nor in "
      ".json)",
      "use --format pdf or --format json");
}

Exit run_register(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "register"); !e.is_ok()) return e;
  const std::filesystem::path out = *inv.args.value("out");
  MK_CLI_TRY(service::RegisterFormat format, format_of(inv, out));
  std::optional<service::Session> session;
  if (inv.globals.vault) {
    MK_CLI_TRY(service::Session opened, open_session(inv.globals));
    session.emplace(std::move(opened));
  }
  std::optional<reports::OffscreenGui> gui;
  if (format == service::RegisterFormat::kPdf) gui.emplace();
  MK_CLI_TRY(reports::ProcessingRegister r,
             service::write_processing_register(policy_dir(inv.globals), system_clock().now(),
                                                session ? &*session : nullptr, out, format));
  if (inv.globals.json) {
    json::Value files = json::Value::array();
    for (const reports::PolicyFileHash& f : r.policy_files) {
      json::Value file = json::Value::object();
      file.set("file", f.file).set("sha256", f.sha256);
      files.push(std::move(file));
    }
    json::Value summary = json::Value::object();
    summary.set("file", out.string())
        .set("format", format == service::RegisterFormat::kPdf ? "pdf" : "json")
        .set("purposes", static_cast<std::int64_t>(r.purposes.size()))
        .set("recipients", static_cast<std::int64_t>(r.recipients.size()))
        .set("retention_rules", static_cast<std::int64_t>(r.retention.size()))
        .set("policy_files", std::move(files))
        .set("vault_id", r.vault ? json::Value(r.vault->vault_id) : json::Value());
    print_json(summary);
    return Exit::ok();
  }
  Fields rows = {
      {format == service::RegisterFormat::kPdf ? "PDF" : "JSON", out.string()},
      {"Verwerkingsverantwoordelijke / Controller",
       r.controller.name + (r.controller.confirmed ? "" : " (niet bevestigd / not confirmed)")},
      {"Doeleinden / Purposes", std::to_string(r.purposes.size())},
      {"Ontvangers / Recipients", std::to_string(r.recipients.size())},
      {"Bewaarregels / Retention rules", std::to_string(r.retention.size())},
      {"Kluis / Vault", r.vault ? r.vault->vault_id : "— (zonder kluis / without a vault)"}};
  for (const reports::PolicyFileHash& f : r.policy_files)
    rows.push_back({f.file + " (SHA-256)", f.sha256});
  print_fields(rows);
  return Exit::ok();
}

}  // namespace

std::vector<Command> register_commands() {
  return {
      {"register",
       "",
       "--out FILE [--format pdf|json]",
       "register of processing activities (AVG art. 30) / verwerkingsregister",
       "meldkluis register --out verwerkingsregister.pdf\n"
       "  Het register van verwerkingsactiviteiten (AVG art. 30), gemaakt uit de beleidsbestanden\n"
       "  die gelden: verwerkingsverantwoordelijke en FG (controller.json), doeleinden en\n"
       "  grondslagen, betrokkenen en gegevens (bijzondere en strafrechtelijke gegevens\n"
       "  gemarkeerd), ontvangers met hun velden (sharing.json), bewaartermijnen "
       "(retention.json),\n"
       "  beveiligingsmaatregelen en de SHA-256 van elk gebruikt bestand.\n"
       "  The register of processing activities (GDPR art. 30), made from the policy files in\n"
       "  force: controller and DPO (controller.json), purposes and legal bases, data subjects\n"
       "  and data (special and criminal data marked), recipients with their fields\n"
       "  (sharing.json), retention periods (retention.json), security measures and the SHA-256\n"
       "  of every file used. It is what the software enforces.\n"
       "Zonder --vault is geen kluis of wachtwoord nodig; met --vault DIR wordt die kluis\n"
       "geopend en komen kluis-id, schemaversie en sleutelsloten per rol erbij (geaudit als\n"
       "report.register). $MELDKLUIS_VAULT wordt hier niet gebruikt.\n"
       "Without --vault no vault or passphrase is needed; with --vault DIR that vault is opened\n"
       "and its id, schema version and key slots per role are added (audited as\n"
       "report.register). $MELDKLUIS_VAULT is not used here.\n"
       "The format follows the file name (.pdf, .json) unless --format is given. Files are never\n"
       "replaced: an existing file is exit 11 and nothing is written.",
       {{"out", OptionKind::kSingle, "FILE", "the file to write (must not exist)"},
        {"format", OptionKind::kSingle, "pdf|json", "else from FILE's extension"}},
       {},
       run_register},
  };
}

}  // namespace mk::cli
