// What stays behind after sharing (service/sharing.hpp): the disclosure register, resolving a
// partner's pseudonym, and the public key partners check signatures with.
#include <system_error>

#include "exchange/minisign.hpp"
#include "service/new_file.hpp"
#include "service/sharing.hpp"
#include "vault/pseudonyms.hpp"
#include "vault/signing_identity.hpp"

namespace mk::service {

Result<std::string> resolve_pseudonym(Session& s, const std::string& partner,
                                      const std::string& code) {
  // Committed either way: a lookup that found nobody is audited too ("found=no").
  MK_ASSIGN_OR_RETURN(std::optional<std::string> person,
                      s.transact("pseudonym.resolve", [&](vault::UnitOfWork& uow) {
                        return vault::resolve_pseudonym(uow, partner, code);
                      }));
  if (!person) {
    return not_found("no person has this pseudonym for partner " + partner +
                     " (never shared with them, or shredded since)");
  }
  return std::move(*person);
}

Result<std::vector<vault::Disclosure>> list_disclosures(Session& s) {
  return s.transact("disclosure.list",
                    [](vault::UnitOfWork& uow) { return vault::list_disclosures(uow); });
}

Status export_signing_key(Session& s, const std::filesystem::path& out) {
  MK_ASSIGN_OR_RETURN(
      std::string text,
      s.transact("signing_key.export", [](vault::UnitOfWork& uow) -> Result<std::string> {
        MK_ASSIGN_OR_RETURN(vault::SigningIdentity identity,
                            vault::package_signing_identity(uow.vault()));
        return exchange::format_minisign_public_key({identity.key_id, identity.public_key});
      }));
  MK_RETURN_IF_ERROR(write_new_file(out, as_bytes(text)));
  // A public key: anyone may read it.
  std::error_code ec;
  std::filesystem::permissions(
      out,
      std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
          std::filesystem::perms::group_read | std::filesystem::perms::others_read,
      ec);
  if (ec) return io_error("--out: cannot make the public key file readable");
  return Status::ok();
}

}  // namespace mk::service
