#include "w1_baseline.hpp"

#include "base/clock.hpp"
#include "crypto/random.hpp"
#include "vault/field_cipher.hpp"
#include "w1_layout.hpp"
#include "w1_synthetic.hpp"

namespace mk::bench {
namespace {

// The vault's tables for persons and signals (vault/schema.cpp, migration 1 and the indexes of
// migration 3) without the subject_keys reference.
constexpr char kSchema[] = R"sql(
  CREATE TABLE persons (
    id              TEXT PRIMARY KEY,
    role            TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'reporter', 'other')),
    key_id          TEXT NOT NULL UNIQUE,
    name            BLOB,
    date_of_birth   BLOB,
    nationality     BLOB,
    bsn             BLOB,
    document_number BLOB,
    address         BLOB,
    phone           BLOB,
    restricted      INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
    created         TEXT NOT NULL,
    updated         TEXT NOT NULL
  );
  CREATE TABLE signals (
    id          TEXT PRIMARY KEY,
    received    TEXT NOT NULL,
    source_kind TEXT NOT NULL
                CHECK (source_kind IN ('internal_team', 'partner', 'resident', 'anonymous')),
    source_team TEXT,
    reporter_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
    key_id      TEXT NOT NULL UNIQUE,
    narrative   BLOB,
    nature      BLOB,
    scale       TEXT CHECK (scale IN ('single', 'multiple', 'organised')),
    severity    TEXT CHECK (severity IN ('low', 'medium', 'high', 'acute')),
    minor       TEXT NOT NULL CHECK (minor IN ('yes', 'no', 'unknown')),
    status      TEXT NOT NULL CHECK (status IN ('new', 'in_assessment', 'closed')),
    outcome     TEXT,
    closed      TEXT,
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
  );
  CREATE INDEX signals_by_received ON signals(received);
  CREATE INDEX signals_by_reporter ON signals(reporter_id);
  CREATE TABLE signal_codes (
    signal_id TEXT NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (kind IN ('form', 'indicator')),
    code      TEXT NOT NULL,
    PRIMARY KEY (signal_id, kind, code)
  ) WITHOUT ROWID;
  CREATE TABLE signal_persons (
    signal_id TEXT NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    PRIMARY KEY (signal_id, person_id)
  ) WITHOUT ROWID;
  CREATE INDEX signal_persons_by_person ON signal_persons(person_id);
)sql";

// The plaintext, padded to the length its sealed form would have.
Bytes padded(std::string_view plaintext, std::size_t overhead) {
  Bytes out(plaintext.begin(), plaintext.end());
  out.resize(plaintext.size() + overhead, std::uint8_t{0x20});
  return out;
}

std::string new_id(char prefix) {
  return std::string(1, prefix) + "-" + crypto::random_base32(8);
}

std::string new_key_id() {
  return "K-" + crypto::random_base32(16);
}

}  // namespace

Result<BaselineStore> BaselineStore::create(const std::filesystem::path& path, Kind kind,
                                            const W1Size& size) {
  vault::Database db;
  if (kind == Kind::kSqlCipher) {
    MK_ASSIGN_OR_RETURN(db, vault::Database::open(path, crypto::SecretBuffer::random(32),
                                                  vault::Database::Mode::kCreate));
  } else {
    MK_ASSIGN_OR_RETURN(db, vault::Database::open_unencrypted(path));
    // What Database::open sets after the key, so both baselines run under the same pragmas.
    MK_RETURN_IF_ERROR(
        db.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;"));
  }
  MK_RETURN_IF_ERROR(db.exec(kSchema));
  // The overhead of one sealed field, measured on the real field cipher.
  crypto::SecretBuffer key = crypto::SecretBuffer::random(32);
  std::size_t overhead =
      vault::encrypt_field(key, {"persons", "name", "P-00000000", "K-0000000000000000"}, "x")
          .size() -
      1;
  return BaselineStore(std::move(db), size, overhead);
}

Status BaselineStore::add_persons(std::size_t begin, std::size_t end) {
  MK_RETURN_IF_ERROR(db_.exec("BEGIN IMMEDIATE"));
  MK_ASSIGN_OR_RETURN(
      vault::Statement st,
      db_.prepare("INSERT INTO persons (id, role, key_id, created, updated, name, date_of_birth, "
                  "nationality, bsn, document_number, address, phone) "
                  "VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
  const std::string now = format_instant(w1_now());
  for (std::size_t i = begin; i < end; ++i) {
    vault::PersonIdentity identity = w1_person(i);
    std::string id = new_id('P');
    st.reset();
    st.bind(1, id)
        .bind(2, vault::person_role_name(w1_role(size_, i)))
        .bind(3, new_key_id())
        .bind(4, now);
    for (std::size_t f = 0; f < vault::kPersonFieldCount; ++f) {
      int param = 5 + static_cast<int>(f);
      if (const auto& v = identity.get(vault::kPersonFields[f])) {
        st.bind_blob(param, padded(*v, overhead_));
      } else {
        st.bind_null(param);
      }
    }
    MK_RETURN_IF_ERROR(st.run());
    person_ids_.push_back(std::move(id));
  }
  return db_.exec("COMMIT");
}

Status BaselineStore::add_signals(std::size_t begin, std::size_t end) {
  MK_RETURN_IF_ERROR(db_.exec("BEGIN IMMEDIATE"));
  MK_ASSIGN_OR_RETURN(
      vault::Statement row,
      db_.prepare("INSERT INTO signals (id, received, source_kind, source_team, reporter_id, "
                  "key_id, narrative, nature, scale, severity, minor, status, created, updated) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'new', ?12, ?12)"));
  MK_ASSIGN_OR_RETURN(vault::Statement code,
                      db_.prepare("INSERT INTO signal_codes (signal_id, kind, code) "
                                  "VALUES (?1, ?2, ?3)"));
  MK_ASSIGN_OR_RETURN(vault::Statement link,
                      db_.prepare("INSERT OR IGNORE INTO signal_persons (signal_id, person_id) "
                                  "VALUES (?1, ?2)"));
  const std::string now = format_instant(w1_now());
  auto person = [this](std::size_t i) { return person_ids_.at(i); };
  for (std::size_t j = begin; j < end; ++j) {
    vault::SignalInput in = w1_signal(size_, j, person);
    std::string id = new_id('S');
    row.reset();
    row.bind(1, id).bind(2, in.received.to_iso()).bind(3, vault::enum_name(in.source_kind));
    row.bind_optional(4, in.source_team).bind_optional(5, in.reporter_id).bind(6, new_key_id());
    if (in.narrative) row.bind_blob(7, padded(*in.narrative, overhead_));
    if (in.nature) row.bind_blob(8, padded(*in.nature, overhead_));
    if (in.scale) row.bind(9, vault::enum_name(*in.scale));
    if (in.severity) row.bind(10, vault::enum_name(*in.severity));
    row.bind(11, vault::enum_name(in.minor)).bind(12, now);
    MK_RETURN_IF_ERROR(row.run());
    auto add_codes = [&](const char* kind, const std::vector<std::string>& codes) -> Status {
      for (const std::string& c : codes) {
        code.reset();
        code.bind(1, id).bind(2, kind).bind(3, c);
        MK_RETURN_IF_ERROR(code.run());
      }
      return Status::ok();
    };
    MK_RETURN_IF_ERROR(add_codes("form", in.forms));
    MK_RETURN_IF_ERROR(add_codes("indicator", in.indicators));
    for (const std::string& p : in.person_ids) {
      link.reset();
      link.bind(1, id).bind(2, p);
      MK_RETURN_IF_ERROR(link.run());
    }
  }
  return db_.exec("COMMIT");
}

}  // namespace mk::bench
