// Witness cosigning through the service layer, with the clock the test sets: cosigning as the log
// grows, how far `audit verify` counts the log as witnessed, the warning once the unwitnessed tail
// is older than policies/audit.json allows, and the refusals (a rolled-back checkpoint, another key
// under a known witness's name, a tampered stored cosignature).
#include "service/witness.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "service/audit.hpp"
#include "service_fixture.hpp"

namespace mk::service::test {
namespace {

const Date kOctober{2026, 10, 1};
const std::string kWitness = "fg.gemeente-zaanstad.nl/witness";

// `n` audit entries of the kind a day of casework leaves (ids only).
void work(Session& s, int n) {
  for (int i = 0; i < n; ++i) {
    MK_REQUIRE_OK(s.transact("signal.read", [&](vault::UnitOfWork& uow) {
      uow.record({"signal.read", "S-7K3M9Q" + std::to_string(10 + i), ""});
      return Status::ok();
    }));
  }
}

std::string checkpoint_note(Session& s) {
  Result<SignedCheckpoint> cp = audit_checkpoint(s);
  MK_REQUIRE_OK(cp);
  return cp->note;
}

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct World {
  TestSession ts{kOctober};
  std::filesystem::path key = ts.temp() / "getuige.key";

  World() {
    Result<std::string> vkey = witness_keygen(key, kWitness, ts.clock());
    MK_REQUIRE_OK(vkey);
  }
};

TEST_CASE("service witness: cosigning as the log grows, and how far verify counts it witnessed") {
  World w;
  Session& s = w.ts.s();
  Result<WitnessReport> none = audit_witness_report(s);
  MK_REQUIRE_OK(none);
  CHECK(none->verification.ok);
  CHECK(none->verification.witnessed_size == 0);
  CHECK(none->verification.witnesses.empty());

  work(s, 3);
  std::string first = checkpoint_note(s);
  Result<WitnessCosigning> c1 = witness_cosign(s, first, w.key);
  MK_REQUIRE_OK(c1);
  CHECK(c1->previous_size == 0);
  CHECK(std::filesystem::exists(witness_state_path(w.key)));

  work(s, 5);
  Result<WitnessCosigning> c2 = witness_cosign(s, checkpoint_note(s), w.key);
  MK_REQUIRE_OK(c2);
  CHECK(c2->previous_size == c1->checkpoint.size);
  CHECK(c2->checkpoint.size > c1->checkpoint.size);

  Result<WitnessReport> r = audit_witness_report(s);
  MK_REQUIRE_OK(r);
  CHECK(r->verification.ok);
  CHECK(r->verification.cosignatures_checked == 2);
  CHECK(r->verification.witnessed_size == c2->checkpoint.size);
  REQUIRE(r->verification.witnesses.size() == 1);
  CHECK(r->verification.witnesses[0].name == kWitness);
  CHECK(r->verification.witnesses[0].verifier_key == c2->witness_key);
  CHECK(r->max_unwitnessed_days == 31);
  CHECK_FALSE(r->overdue);
  // The cosigning itself is audited, after the checkpoint it cosigned.
  auto log = list_audit_entries(s, {});
  MK_REQUIRE_OK(log);
  CHECK(log->back().action == "audit.witness");
}

TEST_CASE("service witness: an unwitnessed tail older than 31 days is overdue") {
  World w;
  work(w.ts.s(), 2);
  MK_REQUIRE_OK(witness_cosign(w.ts.s(), checkpoint_note(w.ts.s()), w.key));
  work(w.ts.s(), 1);  // the first unwitnessed entries, on 1 October

  w.ts.reopen(Date{2026, 10, 31});
  Result<WitnessReport> day30 = audit_witness_report(w.ts.s());
  MK_REQUIRE_OK(day30);
  CHECK(day30->unwitnessed_days == 30);
  CHECK_FALSE(day30->overdue);

  w.ts.reopen(Date{2026, 11, 15});
  Result<WitnessReport> day45 = audit_witness_report(w.ts.s());
  MK_REQUIRE_OK(day45);
  CHECK(day45->unwitnessed_days == 45);
  CHECK(day45->overdue);

  // A new cosignature covers the old tail; what is left is today's.
  MK_REQUIRE_OK(witness_cosign(w.ts.s(), checkpoint_note(w.ts.s()), w.key));
  Result<WitnessReport> after = audit_witness_report(w.ts.s());
  MK_REQUIRE_OK(after);
  CHECK(after->unwitnessed_days == 0);
  CHECK_FALSE(after->overdue);
}

TEST_CASE("service witness: a rolled-back checkpoint is refused and nothing changes") {
  World w;
  Session& s = w.ts.s();
  work(s, 2);
  std::string old_note = checkpoint_note(s);
  MK_REQUIRE_OK(witness_cosign(s, old_note, w.key));
  work(s, 4);
  Result<WitnessCosigning> latest = witness_cosign(s, checkpoint_note(s), w.key);
  MK_REQUIRE_OK(latest);
  const std::string state_before = file_bytes(witness_state_path(w.key));
  Result<std::uint64_t> entries_before = vault::audit_size(s.vault());
  MK_REQUIRE_OK(entries_before);

  Result<WitnessCosigning> again = witness_cosign(s, old_note, w.key);
  REQUIRE_FALSE(again);
  CHECK(again.status().code() == Code::kConflict);
  CHECK_THAT(again.status().message(),
             Catch::Contains("shrank from " + std::to_string(latest->checkpoint.size)));
  CHECK(file_bytes(witness_state_path(w.key)) == state_before);
  Result<std::uint64_t> entries_after = vault::audit_size(s.vault());
  MK_REQUIRE_OK(entries_after);
  CHECK(*entries_after == *entries_before);  // no audit.witness for a refusal
}

TEST_CASE("service witness: another key under a known witness's name is refused") {
  World w;
  Session& s = w.ts.s();
  MK_REQUIRE_OK(witness_cosign(s, checkpoint_note(s), w.key));
  std::filesystem::path impostor = w.ts.temp() / "andere.key";
  MK_REQUIRE_OK(witness_keygen(impostor, kWitness, w.ts.clock()));
  work(s, 1);
  Result<WitnessCosigning> r = witness_cosign(s, checkpoint_note(s), impostor);
  REQUIRE_FALSE(r);
  CHECK(r.status().code() == Code::kConflict);
  CHECK_FALSE(std::filesystem::exists(witness_state_path(impostor)));
}

TEST_CASE("service witness: a tampered stored cosignature fails verification") {
  World w;
  Session& s = w.ts.s();
  work(s, 2);
  MK_REQUIRE_OK(witness_cosign(s, checkpoint_note(s), w.key));
  MK_REQUIRE_OK(s.transact("test.tamper", [](vault::UnitOfWork& uow) {
    return uow.db().exec(
        "UPDATE audit_cosigned SET time = time - 86400, note = "
        "replace(note, 'AAAA', 'AAAB')");
  }));
  Result<WitnessReport> r = audit_witness_report(s);
  MK_REQUIRE_OK(r);
  CHECK_FALSE(r->verification.ok);
  CHECK_THAT(r->verification.problem, Catch::Contains("stored cosignature of witness"));
}

// A session on another vault folder (a copy), as the coordinator, with w's clock.
Session open_copy(World& w, const std::filesystem::path& dir) {
  Result<Session> opened = Session::open(dir, secret(vault::test::kCoordinatorPassphrase),
                                         std::nullopt, w.ts.clock(), "test", default_policy_dir());
  MK_REQUIRE_OK(opened);
  return std::move(*opened);
}

TEST_CASE("service witness: the witness's state catches a vault folder put back from a copy") {
  World w;
  work(w.ts.s(), 2);
  MK_REQUIRE_OK(witness_cosign(w.ts.s(), checkpoint_note(w.ts.s()), w.key));
  // The folder as it is now, kept aside (a backup, a USB stick) before the next cosignature.
  w.ts.close();
  const std::filesystem::path copy = w.ts.temp() / "kopie-van-de-kluis";
  std::filesystem::copy(w.ts.dir(), copy, std::filesystem::copy_options::recursive);
  w.ts.reopen(Date{2026, 10, 8});
  work(w.ts.s(), 4);
  Result<WitnessCosigning> latest = witness_cosign(w.ts.s(), checkpoint_note(w.ts.s()), w.key);
  MK_REQUIRE_OK(latest);
  const std::string state = file_bytes(witness_state_path(w.key));
  const std::uint64_t n = latest->checkpoint.size;

  // The live vault holds everything the witness cosigned.
  Result<WitnessStateCheck> live = check_witness_state(w.ts.s(), state);
  MK_REQUIRE_OK(live);
  CHECK(live->ok);
  CHECK(live->problem.empty());
  CHECK(live->witnessed_size == n);
  CHECK(live->witnessed_root == latest->checkpoint.root);
  CHECK(live->entries >= n);

  // The old copy is internally consistent, but holds fewer entries than the witness cosigned.
  w.ts.close();
  {
    Session old = open_copy(w, copy);
    Result<vault::AuditVerification> own = verify_audit(old, std::nullopt);
    MK_REQUIRE_OK(own);
    CHECK(own->ok);
    Result<WitnessStateCheck> rolled_back = check_witness_state(old, state);
    MK_REQUIRE_OK(rolled_back);
    CHECK_FALSE(rolled_back->ok);
    CHECK(rolled_back->entries < n);
    INFO(rolled_back->problem);
    CHECK_THAT(rolled_back->problem, Catch::StartsWith("the witness cosigned " + std::to_string(n) +
                                                       " entries with root "));
    CHECK_THAT(rolled_back->problem,
               Catch::Contains("this vault holds only " + std::to_string(rolled_back->entries)));

    // Grown past the witnessed size with a history of its own, it is a rewritten log.
    for (int i = 0; i < 8; ++i) {
      MK_REQUIRE_OK(old.transact("case.read", [&](vault::UnitOfWork& uow) {
        uow.record({"case.read", "C-4D7R2W" + std::to_string(10 + i), ""});
        return Status::ok();
      }));
    }
    Result<WitnessStateCheck> forked = check_witness_state(old, state);
    MK_REQUIRE_OK(forked);
    REQUIRE(forked->entries > n);
    CHECK_FALSE(forked->ok);
    CHECK_THAT(forked->problem, Catch::Contains("the first " + std::to_string(n) +
                                                " entries of this vault have another root"));
  }

  // A file that is no state, and a state of another log, are the caller's mistakes.
  w.ts.reopen(Date{2026, 10, 9});
  Result<WitnessStateCheck> garbage = check_witness_state(w.ts.s(), "Beste Marieke,\n");
  REQUIRE_FALSE(garbage);
  CHECK(garbage.status().code() == Code::kInvalidInput);
  World other;
  MK_REQUIRE_OK(witness_cosign(other.ts.s(), checkpoint_note(other.ts.s()), other.key));
  Result<WitnessStateCheck> foreign =
      check_witness_state(w.ts.s(), file_bytes(witness_state_path(other.key)));
  REQUIRE_FALSE(foreign);
  CHECK(foreign.status().code() == Code::kNotFound);
}

TEST_CASE("service witness: an export carries one note per size with every witness's cosignature") {
  World w;
  Session& s = w.ts.s();
  const std::filesystem::path second = w.ts.temp() / "tweede-getuige.key";
  Result<std::string> second_vkey =
      witness_keygen(second, "rekenkamer.gemeente-zaanstad.nl/witness", w.ts.clock());
  MK_REQUIRE_OK(second_vkey);
  work(s, 2);
  const std::string note = checkpoint_note(s);
  Result<WitnessCosigning> first = witness_cosign(s, note, w.key);
  MK_REQUIRE_OK(first);
  MK_REQUIRE_OK(witness_cosign(s, note, second));

  const std::filesystem::path out = w.ts.temp() / "export";
  Result<AuditExportSummary> exported = export_audit(s, out);
  MK_REQUIRE_OK(exported);
  CHECK(exported->cosigned == 1);
  const std::string size = std::to_string(first->checkpoint.size);
  Result<tlog::SignedNote> merged =
      tlog::parse_signed_note(file_bytes(out / "cosigned" / (size + ".txt")));
  MK_REQUIRE_OK(merged);
  CHECK(merged->signatures.size() == 3);  // the vault's, then one per witness
  for (const std::string& vkey : {first->witness_key, *second_vkey}) {
    Result<tlog::CosignerKey> key = tlog::parse_cosigner_key(vkey);
    MK_REQUIRE_OK(key);
    CHECK(tlog::verify_cosignature(*merged, *key).is_ok());
  }
  // By name: fg... before rekenkamer...
  CHECK(file_bytes(out / "witness-keys.txt") == first->witness_key + "\n" + *second_vkey + "\n");
}

TEST_CASE("service witness: keygen refuses to overwrite and refuses a bad name") {
  World w;
  const std::string before = file_bytes(w.key);
  Result<std::string> again = witness_keygen(w.key, kWitness, w.ts.clock());
  REQUIRE_FALSE(again);
  CHECK(again.status().code() == Code::kConflict);
  CHECK(file_bytes(w.key) == before);
  CHECK((std::filesystem::status(w.key).permissions() & std::filesystem::perms::all) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  Result<std::string> bad = witness_keygen(w.ts.temp() / "x.key", "met spatie", w.ts.clock());
  REQUIRE_FALSE(bad);
  CHECK(bad.status().code() == Code::kInvalidInput);
}

}  // namespace
}  // namespace mk::service::test
