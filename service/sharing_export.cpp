// Exporting a share as a signed, encrypted package (service/sharing.hpp export_share): the plan of
// the preview, the texts it sends, the three members, the age file and its minisign signature, the
// register entry; files and entry exist together or not at all.
#include <algorithm>
#include <system_error>

#include "exchange/package.hpp"
#include "service/casework.hpp"
#include "service/new_file.hpp"
#include "service/package_contents.hpp"
#include "service/share_plan.hpp"
#include "service/sharing.hpp"
#include "vault/case_store.hpp"
#include "vault/signal_store.hpp"
#include "vault/signing_identity.hpp"

namespace mk::service {
namespace {

bool sends(const SharePlan& plan, std::string_view record_field) {
  const std::vector<std::string>& f = plan.purpose->record_fields;
  return std::find(f.begin(), f.end(), record_field) != f.end();
}

// The free texts the purpose sends, decrypted (each read is audited by its store).
Status read_texts(vault::UnitOfWork& uow, const SharePlan& plan, PackageFacts& facts) {
  if (plan.case_summary && sends(plan, "case.summary")) {
    MK_ASSIGN_OR_RETURN(vault::Case c, vault::read_case(uow, plan.case_summary->id));
    facts.case_summary = std::move(c.summary_text);
  }
  if (!sends(plan, "signal.narrative") && !sends(plan, "signal.nature")) return Status::ok();
  for (const vault::SignalSummary& summary : plan.signals) {
    MK_ASSIGN_OR_RETURN(vault::Signal signal, vault::read_signal(uow, summary.id));
    facts.narratives[summary.id] = std::move(signal.narrative);
    facts.natures[summary.id] = std::move(signal.nature);
  }
  return Status::ok();
}

vault::DisclosureInput register_entry(const SharePlan& plan, const BuiltPackage& built,
                                      const exchange::SealedPackage& sealed,
                                      const std::string& policy_hash) {
  vault::DisclosureInput in;
  in.partner = plan.partner->id;
  in.purpose = plan.purpose->id;
  in.legal_basis = plan.purpose->legal_basis;
  in.fields = built.register_fields.fields;
  in.pseudonymised = built.register_fields.pseudonymised;
  in.generalised = built.register_fields.generalised;
  in.withheld = built.register_fields.withheld;
  in.package_sha256 = sealed.sha256_hex;
  in.policy_hash = policy_hash;
  in.record_count = static_cast<std::int64_t>(built.record_count);
  for (const PlannedPerson& p : plan.persons) {
    if (p.goes) in.person_ids.push_back(p.summary.id);
  }
  if (plan.case_summary) in.case_ids.push_back(plan.case_summary->id);
  for (const vault::SignalSummary& s : plan.signals)
    in.signal_ids.push_back(s.id);
  return in;
}

bool path_taken(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::symlink_status(p, ec).type() != std::filesystem::file_type::not_found;
}

struct Exported {
  std::optional<std::string> refusal;
  ShareReceipt receipt;
};

}  // namespace

Result<ShareReceipt> export_share(Session& s, const std::string& partner,
                                  const std::string& purpose, const ShareTarget& target,
                                  const std::filesystem::path& out) {
  const std::string file_name = out.filename().string();
  if (file_name.empty() || file_name == "." || file_name == "..") {
    return invalid_input("--out: name a package file, not a folder");
  }
  const std::filesystem::path signature_path = out.string() + ".minisig";
  MK_ASSIGN_OR_RETURN(policies::SharingPolicy policy, load_sharing(s));
  const std::string object = share_object(target);
  if (!vault::holds_all_keys(s.vault().role())) {
    return s.transact(
        "share.export",
        [](vault::UnitOfWork&) -> Result<ShareReceipt> {
          return forbidden("this role cannot share with partners (it holds no field keys)");
        },
        object);
  }
  if (path_taken(out) || path_taken(signature_path)) {
    return conflict("--out: the package file or its .minisig exists; choose another name");
  }
  const Date day = today(s);
  // Written under hidden names inside the unit of work, and given their names only after it
  // committed: a package never lies at `out` without its register entry, not even after a crash.
  const std::filesystem::path staged_package = hidden_sibling(out, "partial");
  const std::filesystem::path staged_signature = hidden_sibling(signature_path, "partial");
  bool wrote_package = false, wrote_signature = false;
  Result<Exported> done = s.transact(
      "share.export",
      [&](vault::UnitOfWork& uow) -> Result<Exported> {
        MK_ASSIGN_OR_RETURN(SharePlan plan,
                            plan_share(uow, policy, partner, purpose, target, day, true));
        if (plan.refusal) {
          uow.record({"share.export", object, share_detail(partner, purpose),
                      std::string(code_name(Code::kDisclosureRefused))});
          return Exported{std::move(plan.refusal), {}};
        }
        Result<exchange::AgeRecipient> recipient =
            exchange::parse_age_recipient(plan.registered.age_recipient);
        if (!recipient) {
          return invalid_input("partner " + plan.partner->id +
                               ": the registered age recipient is not valid");
        }
        MK_ASSIGN_OR_RETURN(vault::SigningIdentity identity,
                            vault::package_signing_identity(uow.vault()));
        exchange::MinisignSigningKey signer(identity.seed, identity.key_id);

        PackageFacts facts;
        facts.municipality = sender_municipality();
        facts.signing_key_id = exchange::minisign_key_id_hex(identity.key_id);
        facts.file_name = file_name;
        facts.created = uow.now();
        MK_RETURN_IF_ERROR(read_texts(uow, plan, facts));
        MK_ASSIGN_OR_RETURN(BuiltPackage built, build_package(plan, facts));
        MK_ASSIGN_OR_RETURN(exchange::SealedPackage sealed,
                            exchange::seal_package(built.contents, *recipient, signer, file_name,
                                                   uow.now().time_since_epoch().count()));
        MK_ASSIGN_OR_RETURN(
            std::string id,
            vault::record_disclosure(uow, register_entry(plan, built, sealed, policy.hash())));
        MK_RETURN_IF_ERROR(write_new_file(staged_package, sealed.file));
        wrote_package = true;
        MK_RETURN_IF_ERROR(write_new_file(staged_signature, as_bytes(sealed.signature)));
        wrote_signature = true;
        return Exported{std::nullopt, ShareReceipt{id, out, signature_path, sealed.sha256_hex,
                                                   built.record_count}};
      },
      object);
  // The files exist only together with their register entry.
  if (!done) {
    std::error_code ec;
    if (wrote_signature) std::filesystem::remove(staged_signature, ec);
    if (wrote_package) std::filesystem::remove(staged_package, ec);
    return done.status();
  }
  if (done->refusal) return Status(Code::kDisclosureRefused, "refused: " + *done->refusal);
  for (const auto& [from, to] :
       {std::pair(staged_package, out), std::pair(staged_signature, signature_path)}) {
    if (Status moved = move_new_file(from, to); !moved.is_ok()) {
      return Status(moved.code(), "disclosure " + done->receipt.disclosure_id +
                                      " is recorded, but a file could not take its name (" +
                                      moved.message() + "); it is at " + from.string());
    }
  }
  return std::move(done->receipt);
}

}  // namespace mk::service
