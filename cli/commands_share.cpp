// meldkluis share preview|export, disclosures list, pseudonym resolve, signing-key export: sharing
// with partners through the disclosure policy, and what stays behind.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "cli/sharing_views.hpp"
#include "service/sharing.hpp"

namespace mk::cli {
namespace {

struct ShareRequest {
  std::string partner;
  std::string purpose;
  service::ShareTarget target;
};

Outcome<ShareRequest> share_request(const Invocation& inv) {
  const std::string command = "share " + inv.command.verb;
  for (std::string_view name : {"partner", "purpose"}) {
    if (Exit e = require_option(inv.args, name, command); !e.is_ok()) return e;
  }
  ShareRequest r;
  r.partner = *inv.args.value("partner");
  r.purpose = *inv.args.value("purpose");
  r.target.case_id = inv.args.value("case");
  r.target.person_id = inv.args.value("person");
  if (r.target.case_id.has_value() == r.target.person_id.has_value()) {
    return Exit::usage("give one of --case ID and --person ID",
                       "see: meldkluis " + command + " --help");
  }
  return r;
}

Exit run_preview(const Invocation& inv) {
  MK_CLI_TRY(ShareRequest r, share_request(inv));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(service::SharePreview preview,
             service::preview_share(session, r.partner, r.purpose, r.target));
  if (inv.globals.json) {
    print_json(to_json(preview));
  } else {
    print_preview(preview);
  }
  return Exit::ok();
}

Exit run_export(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "share export"); !e.is_ok()) return e;
  MK_CLI_TRY(ShareRequest r, share_request(inv));
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(
      service::ShareReceipt receipt,
      service::export_share(session, r.partner, r.purpose, r.target, *inv.args.value("out")));
  if (inv.globals.json) {
    print_json(to_json(receipt));
  } else {
    print_fields({{"Verstrekking / Disclosure", receipt.disclosure_id},
                  {"SHA-256", receipt.sha256},
                  {"Pakket / Package", receipt.package.string()},
                  {"Handtekening / Signature", receipt.signature.string()},
                  {"Records", std::to_string(receipt.record_count)}});
  }
  notice(
      "Pakket geschreven en vastgelegd in het verstrekkingenregister / Package written and "
      "recorded in the disclosure register");
  return Exit::ok();
}

Exit run_disclosures(const Invocation& inv) {
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<vault::Disclosure> all, service::list_disclosures(session));
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (const vault::Disclosure& d : all)
      out.push(to_json(d));
    print_json(out);
    return Exit::ok();
  }
  if (all.empty()) {
    notice("Geen verstrekkingen / No disclosures");
    return Exit::ok();
  }
  Table table({"ID", "TIJD/TIME", "DOOR/BY", "PARTNER/DOEL", "RECORDS", "VELDEN/FIELDS",
               "PSEUDONIEM", "ALGEMEEN/GENERALISED", "NIET/WITHHELD", "SHA-256"});
  for (const vault::Disclosure& d : all) {
    table.add({d.id, format_instant(d.time), d.actor, d.partner + "/" + d.purpose,
               std::to_string(d.record_count), or_dash(join(d.fields, ",")),
               or_dash(join(d.pseudonymised, ",")), or_dash(join(d.generalised, ",")),
               or_dash(join(d.withheld, ",")), d.package_sha256});
  }
  table.print();
  return Exit::ok();
}

Exit run_resolve(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "partner", "pseudonym resolve"); !e.is_ok()) return e;
  const std::string partner = *inv.args.value("partner");
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::string person,
             service::resolve_pseudonym(session, partner, inv.args.positionals().at(0)));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("partner", partner).set("person_id", person);
    print_json(o);
  } else {
    std::fputs((person + "\n").c_str(), stdout);
  }
  return Exit::ok();
}

Exit run_signing_key(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "out", "signing-key export"); !e.is_ok()) return e;
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  if (Status s = service::export_signing_key(session, *inv.args.value("out")); !s.is_ok()) {
    return s;
  }
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("file", *inv.args.value("out")).set("result", "exported");
    print_json(o);
  }
  notice(
      "Openbare sleutel geschreven; publiceer hem of geef hem de partners / Public key "
      "written; publish it or give it to the partners");
  return Exit::ok();
}

std::vector<OptionSpec> share_options(bool with_out) {
  std::vector<OptionSpec> o = {
      {"partner", OptionKind::kSingle, "P", "the partner (sharing.json id)"},
      {"purpose", OptionKind::kSingle, "X", "the purpose (sharing.json id)"},
      {"case", OptionKind::kSingle, "ID", "share this case with its signals and persons"},
      {"person", OptionKind::kSingle, "ID", "share this person only"}};
  if (with_out) {
    o.push_back({"out", OptionKind::kSingle, "FILE", "the package to write (must be new)"});
  }
  return o;
}

}  // namespace

std::vector<Command> share_commands() {
  return {
      {"share",
       "preview",
       "--partner P --purpose X (--case ID | --person ID)",
       "what a share would send, field by field / wat gaat er mee",
       "Every field of the case, its signals and every person in it, with its fate (included,\n"
       "pseudonymised, generalised, withheld) and the rule of policies/sharing.json that decided\n"
       "it. Refused (exit 9, with the reason) when the policy gives no basis, the partner is not\n"
       "registered for the purpose, or a person is restricted, lacks the consent the purpose\n"
       "needs, or is a minor the purpose refuses; persons whose role is not shared are withheld\n"
       "whole. An invalid sharing.json stops it (exit 8). Decrypts only the dates of birth the\n"
       "minors and consent rules need (audited). Not for a compliance slot (exit 10).",
       share_options(false),
       {},
       run_preview},
      {"share",
       "export",
       "--partner P --purpose X (--case ID | --person ID) --out FILE",
       "write a signed, encrypted package / pakket maken",
       "Decides as share preview does, then writes FILE (age v1, encrypted to the partner's\n"
       "recipient: three files inside, LEESMIJ.txt, manifest.json and records.json; see\n"
       "docs/formats/package.md) and FILE.minisig (a minisign signature by the municipality's\n"
       "key), both new files with mode 0600, and records the disclosure in the register, all or\n"
       "nothing. Prints the disclosure id, the package's SHA-256 and the files. The partner\n"
       "checks and opens it with the standard tools:\n"
       "  minisign -Vm FILE -p gemeente.pub && age -d -i key.txt FILE | tar -x\n"
       "Exit 9 when refused, 8 for an invalid policy, 10 for a compliance slot, 11 when FILE or\n"
       "FILE.minisig exists.",
       share_options(true),
       {},
       run_export},
      {"disclosures",
       "list",
       "",
       "the disclosure register / verstrekkingenregister",
       "Every package sent: when, by whom, to which partner for which purpose, on which basis,\n"
       "which fields went (as stored, pseudonymised, generalised) and which stayed, the\n"
       "package's SHA-256 and the policy's hash. Every role, the compliance slot included.",
       {},
       {},
       run_disclosures},
      {"pseudonym",
       "resolve",
       "--partner P CODE",
       "who is behind a partner's pseudonym / pseudoniem herleiden",
       "CODE as the partner quotes it (XXXX-XXXX-C; case, dashes and spaces do not matter).\n"
       "Prints the person's id. Audited, found or not. Not for a compliance slot.",
       {{"partner", OptionKind::kSingle, "P", "the partner that quoted the code"}},
       {{"CODE", true, "the pseudonym"}},
       run_resolve},
      {"signing-key",
       "export",
       "--out FILE",
       "write the municipality's public signing key / publieke sleutel",
       "The minisign public key partners verify packages with (minisign -Vm FILE -p KEY), as\n"
       "a new file (mode 0644). The same for every coordinator slot of this vault. Not for a\n"
       "compliance slot (exit 10).",
       {{"out", OptionKind::kSingle, "FILE", "the key file to write (must be new)"}},
       {},
       run_signing_key},
  };
}

}  // namespace mk::cli
