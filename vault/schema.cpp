#include "vault/schema.hpp"

#include <string>
#include <vector>

namespace mk::vault {
namespace {

// Migration N takes the schema from version N-1 to N. Never edit a migration that has shipped:
// add a new one.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> kMigrations = {
      // 1: key material, persons, signals, cases.
      R"sql(
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- One data key per data subject (person, signal, case), wrapped under the field_wrap key.
      -- Deleting a row here crypto-shreds every field encrypted under it.
      CREATE TABLE subject_keys (
        id      TEXT PRIMARY KEY,
        wrapped BLOB NOT NULL,
        created TEXT NOT NULL
      );

      CREATE TABLE persons (
        id              TEXT PRIMARY KEY,
        role            TEXT NOT NULL CHECK (role IN ('victim', 'suspect', 'reporter', 'other')),
        key_id          TEXT NOT NULL UNIQUE REFERENCES subject_keys(id),
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

      -- Truncated keyed hashes of normalised identifiers; several persons may share a digest.
      CREATE TABLE person_index (
        kind      TEXT NOT NULL CHECK (kind IN ('name_dob', 'bsn', 'document')),
        digest    BLOB NOT NULL,
        person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        PRIMARY KEY (kind, digest, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_index_by_person ON person_index(person_id);

      CREATE TABLE signals (
        id          TEXT PRIMARY KEY,
        received    TEXT NOT NULL,
        source_kind TEXT NOT NULL
                    CHECK (source_kind IN ('internal_team', 'partner', 'resident', 'anonymous')),
        source_team TEXT,
        reporter_id TEXT REFERENCES persons(id) ON DELETE SET NULL,
        key_id      TEXT NOT NULL UNIQUE REFERENCES subject_keys(id),
        narrative   BLOB,
        nature      BLOB,
        scale       TEXT CHECK (scale IN ('single', 'multiple', 'organised')),
        severity    TEXT CHECK (severity IN ('low', 'medium', 'high', 'acute')),
        minor       TEXT NOT NULL CHECK (minor IN ('yes', 'no', 'unknown')),
        status      TEXT NOT NULL CHECK (status IN ('new', 'in_assessment', 'closed')),
        outcome     TEXT CHECK (outcome IN ('no_suspicion', 'insufficient_information',
                                            'referred', 'case_opened', 'other')),
        closed      TEXT,
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL,
        CHECK ((status = 'closed') = (closed IS NOT NULL AND outcome IS NOT NULL))
      );
      CREATE INDEX signals_by_received ON signals(received);

      -- Suspected forms and ticked indicators: codes from the indicator catalogue.
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

      CREATE TABLE cases (
        id           TEXT PRIMARY KEY,
        status       TEXT NOT NULL
                     CHECK (status IN ('active', 'follow_up', 'closed', 'closed_referred')),
        opened       TEXT NOT NULL,
        closed       TEXT,
        key_id       TEXT NOT NULL UNIQUE REFERENCES subject_keys(id),
        summary      BLOB,
        closure_note BLOB,
        created      TEXT NOT NULL,
        updated      TEXT NOT NULL,
        CHECK ((status IN ('closed', 'closed_referred')) = (closed IS NOT NULL))
      );

      CREATE TABLE case_signals (
        case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        signal_id TEXT NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
        PRIMARY KEY (case_id, signal_id)
      ) WITHOUT ROWID;
      CREATE INDEX case_signals_by_signal ON case_signals(signal_id);

      CREATE TABLE case_persons (
        case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        PRIMARY KEY (case_id, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX case_persons_by_person ON case_persons(person_id);
      )sql",
      // 2: the audit log: entries (the leaves of an RFC 6962 tree), the tree's stored subtrees,
      // signed checkpoints. The tree head (compact range) is meta 'audit_frontier'.
      R"sql(
      CREATE TABLE audit_entries (
        seq       INTEGER PRIMARY KEY,
        entry     BLOB NOT NULL,
        leaf_hash BLOB NOT NULL,
        time      TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        object    TEXT NOT NULL
      );
      CREATE INDEX audit_entries_by_object ON audit_entries(object);
      CREATE INDEX audit_entries_by_time ON audit_entries(time);

      CREATE TABLE audit_subtrees (
        start INTEGER NOT NULL,
        width INTEGER NOT NULL,
        hash  BLOB NOT NULL,
        PRIMARY KEY (start, width)
      ) WITHOUT ROWID;

      CREATE TABLE audit_checkpoints (
        size INTEGER PRIMARY KEY,
        note TEXT NOT NULL
      );
      )sql",
      // 3: retention. A person remembers the latest closure of the signals and cases they were
      // linked to that are already shredded; legal holds on cases; de-identified statistics.
      R"sql(
      ALTER TABLE persons ADD COLUMN links_closed TEXT;

      -- A person's links, looked up when they are shredded or their holds are checked.
      CREATE INDEX signals_by_reporter ON signals(reporter_id);
      CREATE INDEX signal_persons_by_person ON signal_persons(person_id);

      -- A released hold keeps its row (and who released it) until its case is shredded.
      CREATE TABLE legal_holds (
        seq         INTEGER PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        reason      TEXT NOT NULL,
        placed      TEXT NOT NULL,
        placed_by   TEXT NOT NULL,
        released    TEXT,
        released_by TEXT,
        CHECK ((released IS NULL) = (released_by IS NULL))
      );
      CREATE INDEX legal_holds_by_case ON legal_holds(case_id);
      -- At most one hold in force per case.
      CREATE UNIQUE INDEX legal_holds_in_force ON legal_holds(case_id) WHERE released IS NULL;

      -- De-identified facts: no column refers to a record, and identical facts share one row with
      -- a count (no rowid: neither a row's key nor the table's order tells when a fact was added,
      -- which would tie it to its shredding in the audit log). Absent values are ''.
      CREATE TABLE statistical_facts (
        kind            TEXT NOT NULL CHECK (kind IN ('signal', 'case')),
        period          TEXT NOT NULL,
        closed_period   TEXT NOT NULL,
        source_kind     TEXT NOT NULL,
        outcome         TEXT NOT NULL,
        forms           TEXT NOT NULL,
        minor           TEXT NOT NULL,
        victims         INTEGER NOT NULL CHECK (victims >= 0),
        suspects        INTEGER NOT NULL CHECK (suspects >= 0),
        rule            TEXT NOT NULL,
        shredded_period TEXT NOT NULL,
        count           INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (kind, period, closed_period, source_kind, outcome, forms, minor, victims,
                     suspects, rule, shredded_period)
      ) WITHOUT ROWID;
      )sql",
      // 4: sharing with partners: the partners, consents per person, the disclosure register and
      // what each disclosure was about; statistical facts learn disclosures (partner kind and
      // purpose join the key, so the table is rebuilt with its rows).
      R"sql(
      -- Codes are lists joined with ',' (sorted, each once), as statistical_facts.forms.
      CREATE TABLE partners (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL,
        contact       TEXT NOT NULL,
        age_recipient TEXT NOT NULL,
        purposes      TEXT NOT NULL,
        added         TEXT NOT NULL
      );

      -- A consent goes with its person when the person is shredded. The partner is a code, not a
      -- reference: a consent outlives the removal of its partner.
      CREATE TABLE consents (
        id        TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
        partner   TEXT NOT NULL,
        purpose   TEXT NOT NULL,
        signer    TEXT NOT NULL CHECK (signer IN ('self', 'parent', 'guardian')),
        given     TEXT NOT NULL,
        withdrawn TEXT CHECK (withdrawn IS NULL OR withdrawn >= given),
        recorded  TEXT NOT NULL
      );
      CREATE INDEX consents_by_person ON consents(person_id);

      -- The disclosure register: one row per package sent. Partner and kind are copied, so a row
      -- outlives its partner; the row stays when the records it was about are shredded.
      CREATE TABLE disclosures (
        id             TEXT PRIMARY KEY,
        time           TEXT NOT NULL,
        actor          TEXT NOT NULL,
        partner        TEXT NOT NULL,
        partner_kind   TEXT NOT NULL,
        purpose        TEXT NOT NULL,
        legal_basis    TEXT NOT NULL,
        fields         TEXT NOT NULL,
        pseudonymised  TEXT NOT NULL,
        generalised    TEXT NOT NULL,
        withheld       TEXT NOT NULL,
        package_sha256 TEXT NOT NULL,
        policy_hash    TEXT NOT NULL,
        record_count   INTEGER NOT NULL CHECK (record_count >= 0)
      );
      CREATE INDEX disclosures_by_time ON disclosures(time);

      -- What a disclosure was about: one record per row. A link vanishes with its record.
      CREATE TABLE disclosure_subjects (
        disclosure_id TEXT NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
        person_id     TEXT REFERENCES persons(id) ON DELETE CASCADE,
        case_id       TEXT REFERENCES cases(id) ON DELETE CASCADE,
        signal_id     TEXT REFERENCES signals(id) ON DELETE CASCADE,
        CHECK ((person_id IS NOT NULL) + (case_id IS NOT NULL) + (signal_id IS NOT NULL) = 1)
      );
      CREATE UNIQUE INDEX disclosure_subjects_person
        ON disclosure_subjects(disclosure_id, person_id) WHERE person_id IS NOT NULL;
      CREATE UNIQUE INDEX disclosure_subjects_case
        ON disclosure_subjects(disclosure_id, case_id) WHERE case_id IS NOT NULL;
      CREATE UNIQUE INDEX disclosure_subjects_signal
        ON disclosure_subjects(disclosure_id, signal_id) WHERE signal_id IS NOT NULL;
      CREATE INDEX disclosure_subjects_by_person ON disclosure_subjects(person_id);
      CREATE INDEX disclosure_subjects_by_case ON disclosure_subjects(case_id);
      CREATE INDEX disclosure_subjects_by_signal ON disclosure_subjects(signal_id);

      CREATE TABLE statistical_facts_4 (
        kind            TEXT NOT NULL CHECK (kind IN ('signal', 'case', 'disclosure')),
        period          TEXT NOT NULL,
        closed_period   TEXT NOT NULL,
        source_kind     TEXT NOT NULL,
        outcome         TEXT NOT NULL,
        forms           TEXT NOT NULL,
        minor           TEXT NOT NULL,
        victims         INTEGER NOT NULL CHECK (victims >= 0),
        suspects        INTEGER NOT NULL CHECK (suspects >= 0),
        partner_kind    TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        rule            TEXT NOT NULL,
        shredded_period TEXT NOT NULL,
        count           INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (kind, period, closed_period, source_kind, outcome, forms, minor, victims,
                     suspects, partner_kind, purpose, rule, shredded_period)
      ) WITHOUT ROWID;
      INSERT INTO statistical_facts_4
        SELECT kind, period, closed_period, source_kind, outcome, forms, minor, victims, suspects,
               '', '', rule, shredded_period, count
        FROM statistical_facts;
      DROP TABLE statistical_facts;
      ALTER TABLE statistical_facts_4 RENAME TO statistical_facts;
      )sql",
      // 5: casework workflow: the Meldcode decisions per case (append-only), help requests against
      // norm times, the training log; a case's statistical fact counts its help requests (the
      // three counts join the key, so the table is rebuilt with its rows). Tables, indexes and
      // triggers are created IF NOT EXISTS, so replaying the migrations before this one over a
      // store that has them (as the migration tests do) still works.
      R"sql(
      -- Never updated; deleted only with their case (the cascade runs once the case row is gone).
      CREATE TABLE IF NOT EXISTS meldcode_decisions (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item        TEXT NOT NULL CHECK (item IN ('step', 'question')),
        number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
        code        TEXT NOT NULL,
        answer      TEXT NOT NULL,
        policy_hash TEXT NOT NULL,
        decided     TEXT NOT NULL,
        decided_by  TEXT NOT NULL,
        rationale   BLOB
      );
      CREATE INDEX IF NOT EXISTS meldcode_decisions_by_case ON meldcode_decisions(case_id);
      CREATE TRIGGER IF NOT EXISTS meldcode_decisions_no_update
        BEFORE UPDATE ON meldcode_decisions
        BEGIN SELECT RAISE(ABORT, 'meldcode decisions are append-only'); END;
      CREATE TRIGGER IF NOT EXISTS meldcode_decisions_no_delete
        BEFORE DELETE ON meldcode_decisions
        WHEN EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id)
        BEGIN SELECT RAISE(ABORT, 'meldcode decisions go only with their case'); END;

      -- The norm time is fixed at creation: period, due date and the policy's hash.
      CREATE TABLE IF NOT EXISTS help_requests (
        id          TEXT PRIMARY KEY,
        case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        person_id   TEXT REFERENCES persons(id) ON DELETE SET NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('housing', 'benefit', 'brp_registration',
                                                  'medical', 'shelter', 'legal_aid', 'id_papers')),
        team        TEXT NOT NULL,
        requested   TEXT NOT NULL,
        norm        TEXT NOT NULL,
        due         TEXT NOT NULL CHECK (due >= requested),
        policy_hash TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('open', 'met', 'closed_unmet')),
        closed      TEXT CHECK (closed IS NULL OR closed >= requested),
        created     TEXT NOT NULL,
        updated     TEXT NOT NULL,
        CHECK ((status = 'open') = (closed IS NULL))
      );
      CREATE INDEX IF NOT EXISTS help_requests_by_case ON help_requests(case_id);
      CREATE INDEX IF NOT EXISTS help_requests_by_person ON help_requests(person_id);
      CREATE INDEX IF NOT EXISTS help_requests_by_due ON help_requests(status, due);

      CREATE TABLE IF NOT EXISTS trainings (
        seq         INTEGER PRIMARY KEY,
        id          TEXT NOT NULL UNIQUE,
        held        TEXT NOT NULL,
        team        TEXT NOT NULL,
        trained     INTEGER NOT NULL CHECK (trained > 0),
        subject     TEXT NOT NULL,
        recorded    TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS trainings_by_held ON trainings(held);

      CREATE TABLE statistical_facts_5 (
        kind            TEXT NOT NULL CHECK (kind IN ('signal', 'case', 'disclosure')),
        period          TEXT NOT NULL,
        closed_period   TEXT NOT NULL,
        source_kind     TEXT NOT NULL,
        outcome         TEXT NOT NULL,
        forms           TEXT NOT NULL,
        minor           TEXT NOT NULL,
        victims         INTEGER NOT NULL CHECK (victims >= 0),
        suspects        INTEGER NOT NULL CHECK (suspects >= 0),
        partner_kind    TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        help_met        INTEGER NOT NULL CHECK (help_met >= 0),
        help_late       INTEGER NOT NULL CHECK (help_late >= 0),
        help_open       INTEGER NOT NULL CHECK (help_open >= 0),
        rule            TEXT NOT NULL,
        shredded_period TEXT NOT NULL,
        count           INTEGER NOT NULL CHECK (count > 0),
        PRIMARY KEY (kind, period, closed_period, source_kind, outcome, forms, minor, victims,
                     suspects, partner_kind, purpose, help_met, help_late, help_open, rule,
                     shredded_period)
      ) WITHOUT ROWID;
      INSERT INTO statistical_facts_5
        SELECT kind, period, closed_period, source_kind, outcome, forms, minor, victims, suspects,
               partner_kind, purpose, 0, 0, 0, rule, shredded_period, count
        FROM statistical_facts;
      DROP TABLE statistical_facts;
      ALTER TABLE statistical_facts_5 RENAME TO statistical_facts;
      )sql",
      // 6: the signal list in pages (signal_store.hpp list_signals_page). One index per sort column
      // ending in the default order (received, created newest first, then id), so any page is
      // read in index order; it replaces signals_by_received, its prefix. Forms are found by code.
      // IF (NOT) EXISTS, as in 5, so that replaying it is harmless.
      R"sql(
      CREATE INDEX IF NOT EXISTS signals_in_order ON signals(received DESC, created DESC, id);
      DROP INDEX IF EXISTS signals_by_received;
      CREATE INDEX IF NOT EXISTS signals_by_status ON signals(status,
        received DESC, created DESC, id);
      CREATE INDEX IF NOT EXISTS signals_by_source ON signals(source_kind,
        received DESC, created DESC, id);
      CREATE INDEX IF NOT EXISTS signals_by_closed ON signals(closed,
        received DESC, created DESC, id);
      CREATE INDEX IF NOT EXISTS signal_codes_by_code ON signal_codes(kind, code, signal_id);
      )sql",
      // 7: the backups the vault made (vault/backup_register.hpp): the audit size each holds,
      // and when the coordinator recorded it destroyed.
      R"sql(
      CREATE TABLE IF NOT EXISTS backups (
        id           TEXT PRIMARY KEY,
        created      TEXT NOT NULL,
        file_name    TEXT NOT NULL,
        audit_size   INTEGER NOT NULL CHECK (audit_size >= 0),
        destroyed    TEXT,
        destroyed_by TEXT,
        CHECK ((destroyed IS NULL) = (destroyed_by IS NULL))
      );
      )sql",
      // The policy versions the vault ran under (vault/policy_versions.hpp), append-only.
      R"sql(
      CREATE TABLE IF NOT EXISTS policy_versions (
        seq        INTEGER PRIMARY KEY,
        file       TEXT NOT NULL,
        sha256     TEXT NOT NULL,
        text       TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        actor      TEXT NOT NULL,
        origin     TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS policy_versions_by_file ON policy_versions(file, seq);
      CREATE TRIGGER IF NOT EXISTS policy_versions_no_update BEFORE UPDATE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
      CREATE TRIGGER IF NOT EXISTS policy_versions_no_delete BEFORE DELETE ON policy_versions
        BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
      )sql",
      // Witness cosignatures of audit checkpoints (vault/audit_witness.hpp): each witness's key,
      // recorded at its first cosignature, and the cosigned checkpoint notes.
      R"sql(
      CREATE TABLE IF NOT EXISTS audit_witnesses (
        name         TEXT PRIMARY KEY,
        verifier_key TEXT NOT NULL,
        recorded     TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS audit_cosigned (
        witness TEXT NOT NULL REFERENCES audit_witnesses(name),
        size    INTEGER NOT NULL CHECK (size >= 0),
        time    INTEGER NOT NULL,
        note    TEXT NOT NULL,
        PRIMARY KEY (witness, size)
      );
      )sql",
      // The key-slot file in force (vault/keyslot_state.hpp): the SHA-256 of the file each
      // key-slot change stages, recorded with its audit entry. No row until the first change.
      R"sql(
      CREATE TABLE IF NOT EXISTS keyslot_file_state (
        one    INTEGER PRIMARY KEY CHECK (one = 1),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64)
      );
      )sql",
  };
  return kMigrations;
}

Result<int> read_user_version(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("PRAGMA user_version"));
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row) return internal_error("PRAGMA user_version returned nothing");
  return static_cast<int>(st.column_int(0));
}

}  // namespace

int current_schema_version() {
  return static_cast<int>(migrations().size());
}

Status migrate(Database& db) {
  MK_ASSIGN_OR_RETURN(int version, read_user_version(db));
  if (version > current_schema_version()) {
    return conflict("this vault was written by a newer Meldkluis (schema " +
                    std::to_string(version) + "); this build knows up to " +
                    std::to_string(current_schema_version()));
  }
  for (int next = version + 1; next <= current_schema_version(); ++next) {
    MK_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE"));
    Status s = db.exec(migrations()[static_cast<std::size_t>(next - 1)]);
    if (s.is_ok()) s = db.exec("PRAGMA user_version = " + std::to_string(next));
    if (s.is_ok()) s = db.exec("COMMIT");
    if (!s.is_ok()) {
      (void)db.exec("ROLLBACK");
      return s.with_context("migrating the vault to schema " + std::to_string(next));
    }
  }
  return Status::ok();
}

}  // namespace mk::vault

namespace mk::vault {

Status check_store_integrity(Database& db) {
  MK_ASSIGN_OR_RETURN(Statement st, db.prepare("PRAGMA integrity_check"));
  MK_ASSIGN_OR_RETURN(bool row, st.step());
  if (!row || st.column_text(0) != "ok") {
    return vault_corrupt("the database failed its integrity check: corrupt or tampered");
  }
  return Status::ok();
}

}  // namespace mk::vault
