// Tampering with the vault's checkpoints, byte by byte (audit_tamper_test.cpp changes one stored
// checkpoint, once): the checkpoint the compliance officer keeps outside the vault, and the one
// stored inside it. Every changed byte must make verify_audit refuse the note (kInvalidInput: not
// a checkpoint note) or fail the verification (ok == false); never a passing verification, never
// a crash.
#include <catch2/catch.hpp>
#include <string>

#include "service/audit.hpp"
#include "service/casework.hpp"
#include "service/service_fixture.hpp"

using namespace mk;
using namespace mk::service;
using namespace mk::service::test;
namespace syn = mk::vault::test::synthetic;

namespace {

// A vault with a morning's work and a signed checkpoint of it.
std::string morning_checkpoint(Session& s) {
  MK_REQUIRE_OK(add_person(s, vault::PersonRole::kVictim, syn::identity_of(syn::kIoana)));
  MK_REQUIRE_OK(add_person(s, vault::PersonRole::kReporter, syn::identity_of(syn::kDaan)));
  MK_REQUIRE_OK(register_signal(s, syn::anonymous_tip(Date(2026, 11, 27))));
  Result<SignedCheckpoint> cp = audit_checkpoint(s);
  MK_REQUIRE_OK(cp);
  return cp->note;
}

Status set_stored_note(Session& s, std::uint64_t size, const std::string& note) {
  return s.transact("test", [&](vault::UnitOfWork& uow) -> Status {
    MK_ASSIGN_OR_RETURN(vault::Statement st,
                        uow.db().prepare("UPDATE audit_checkpoints SET note = ?1 WHERE size = ?2"));
    st.bind(1, note).bind(2, static_cast<std::int64_t>(size));
    return st.run();
  });
}

std::string flipped(const std::string& note, std::size_t at) {
  std::string out = note;
  out[at] = static_cast<char>(out[at] ^ (1 << (at % 8)));
  return out;
}

}  // namespace

TEST_CASE("every changed byte of a kept checkpoint fails verification or is refused",
          "[audit][tamper]") {
  TestSession ts(Date(2026, 11, 29));
  Session& s = ts.s();
  const std::string kept = morning_checkpoint(s);
  Result<vault::AuditVerification> control = verify_audit(s, kept);
  MK_REQUIRE_OK(control);
  REQUIRE(control->ok);

  std::size_t refused = 0, failed = 0;
  for (std::size_t at = 0; at < kept.size(); ++at) {
    INFO("kept checkpoint changed at byte " << at << " of " << kept.size());
    Result<vault::AuditVerification> v = verify_audit(s, flipped(kept, at));
    if (!v) {
      REQUIRE(v.status().code() == Code::kInvalidInput);
      ++refused;
    } else {
      REQUIRE_FALSE(v->ok);
      ++failed;
    }
  }
  WARN("checkpoint tamper: kept note of "
       << kept.size() << " bytes, every byte changed: " << refused << " refused as malformed, "
       << failed << " failed verification, 0 passed");
}

TEST_CASE("every changed byte of the vault's stored checkpoint fails verification",
          "[audit][tamper]") {
  TestSession ts(Date(2026, 11, 29));
  Session& s = ts.s();
  const std::string stored = morning_checkpoint(s);
  Result<std::optional<SignedCheckpoint>> latest = latest_audit_checkpoint(s);
  MK_REQUIRE_OK(latest);
  REQUIRE(latest->has_value());
  const std::uint64_t size = (*latest)->checkpoint.size;

  std::size_t failed = 0;
  for (std::size_t at = 0; at < stored.size(); ++at) {
    INFO("stored checkpoint changed at byte " << at << " of " << stored.size());
    MK_REQUIRE_OK(set_stored_note(s, size, flipped(stored, at)));
    Result<vault::AuditVerification> v = verify_audit(s, std::nullopt);
    MK_REQUIRE_OK(v);  // tampering is a failed verification, not an error
    REQUIRE_FALSE(v->ok);
    ++failed;
  }
  MK_REQUIRE_OK(set_stored_note(s, size, stored));
  Result<vault::AuditVerification> restored = verify_audit(s, std::nullopt);
  MK_REQUIRE_OK(restored);
  CHECK(restored->ok);  // control: the original passes again
  WARN("checkpoint tamper: stored note of "
       << stored.size() << " bytes, every byte changed: " << failed << " of " << stored.size()
       << " failed verification");
}
