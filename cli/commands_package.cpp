// meldkluis package open|verify: a partner's side of a package, without a vault.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/option_values.hpp"
#include "cli/output.hpp"
#include "service/package_tools.hpp"

namespace mk::cli {
namespace {

Exit run_open(const Invocation& inv) {
  for (std::string_view name : {"identity", "out"}) {
    if (Exit e = require_option(inv.args, name, "package open"); !e.is_ok()) return e;
  }
  MK_CLI_TRY(service::OpenedPackage opened,
             service::open_package_file(inv.args.positionals().at(0), *inv.args.value("identity"),
                                        *inv.args.value("out")));
  if (inv.globals.json) {
    json::Value members = json::Value::array();
    for (const std::string& m : opened.members)
      members.push(m);
    json::Value o = json::Value::object();
    o.set("dir", opened.dir.string())
        .set("members", std::move(members))
        .set("format", opened.format)
        .set("partner", opened.partner)
        .set("purpose", opened.purpose)
        .set("created", opened.created)
        .set("record_count", opened.record_count)
        .set("result", "opened");
    print_json(o);
  } else {
    print_fields(
        {{"Map / Folder", opened.dir.string()},
         {"Bestanden / Files", join(opened.members)},
         {"Formaat / Format", or_dash(opened.format)},
         {"Partner", or_dash(opened.partner)},
         {"Doel / Purpose", or_dash(opened.purpose)},
         {"Gemaakt / Created", or_dash(opened.created)},
         {"Records", opened.record_count < 0 ? "-" : std::to_string(opened.record_count)}});
  }
  notice(
      "Lees eerst LEESMIJ.txt / Read LEESMIJ.txt first. Controleer ook de handtekening / "
      "Check the signature too: meldkluis package verify");
  return Exit::ok();
}

Exit run_verify(const Invocation& inv) {
  if (Exit e = require_option(inv.args, "signer", "package verify"); !e.is_ok()) return e;
  std::optional<std::filesystem::path> signature;
  if (auto s = inv.args.value("signature")) signature = *s;
  const std::filesystem::path file = inv.args.positionals().at(0);
  MK_CLI_TRY(service::VerifiedPackage v,
             service::verify_package_file(file, *inv.args.value("signer"), signature));
  if (inv.globals.json) {
    json::Value o = json::Value::object();
    o.set("key_id", v.key_id)
        .set("trusted_comment", v.trusted_comment)
        .set("timestamp", v.timestamp ? json::Value(*v.timestamp) : json::Value())
        .set("file", v.signed_name ? json::Value(*v.signed_name) : json::Value())
        .set("name_matches", v.name_matches)
        .set("result", "verified");
    print_json(o);
  } else {
    print_fields({{"Handtekening / Signature", "geldig / valid"},
                  {"Sleutel-id / Key id", v.key_id},
                  {"Vertrouwd commentaar / Trusted comment", v.trusted_comment}});
  }
  if (!v.name_matches) {
    notice(
        "Let op: de handtekening noemt een andere bestandsnaam; is het pakket hernoemd? / "
        "Note: the signature names another file name; was the package renamed?");
  }
  return Exit::ok();
}

}  // namespace

std::vector<Command> package_commands() {
  const PositionalSpec file{"FILE", true, "the package (.age)"};
  return {
      {"package",
       "open",
       "FILE --identity KEYFILE --out DIR",
       "decrypt a package into a new folder / pakket openen",
       "For partners: decrypts FILE with the age identities in KEYFILE (as age-keygen writes\n"
       "it) and writes LEESMIJ.txt, manifest.json and records.json into DIR, a new folder\n"
       "(mode 0700; files 0600). Needs no vault. The same as\n"
       "  mkdir DIR && age -d -i KEYFILE FILE | tar -x -C DIR\n"
       "Exit 5 when no identity in KEYFILE opens FILE, 3 for a damaged or altered package, 11\n"
       "when DIR exists.",
       {{"identity", OptionKind::kSingle, "KEYFILE", "the partner's age identity file"},
        {"out", OptionKind::kSingle, "DIR", "the folder to create"}},
       {file},
       run_open},
      {"package",
       "verify",
       "FILE --signer PUBFILE [--signature SIGFILE]",
       "check a package's signature / handtekening controleren",
       "For partners: checks FILE.minisig (or SIGFILE) against the municipality's minisign\n"
       "public key PUBFILE, and prints the signed comment (time and file name). Needs no vault.\n"
       "The same as\n"
       "  minisign -Vm FILE -p PUBFILE\n"
       "Exit 3 when the signature does not verify.",
       {{"signer", OptionKind::kSingle, "PUBFILE", "the municipality's public key file"},
        {"signature", OptionKind::kSingle, "SIGFILE", "the signature (default FILE.minisig)"}},
       {file},
       run_verify},
  };
}

}  // namespace mk::cli
