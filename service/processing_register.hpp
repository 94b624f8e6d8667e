// The register of processing activities (AVG art. 30; issue 10, part 2), generated from the
// policy files in force and, when a vault is open, its metadata. It is always what the software
// enforces: partners, purposes, legal bases, fields and their fates come from the loaded
// sharing.json, retention rules from the loaded retention.json, the categories of data from the
// fields the vault knows, the security measures from security_measures.hpp. Only what the code
// cannot know (the controller, the FG, the activity's description and core legal basis) comes from
// controller.json. Nothing about any data subject is read.
//
// The purposes are the core purpose ("core": registration and coordination of signals) and one
// per partner and sharing purpose ("shop/care_referral"), in sharing.json's order. The data
// subjects are the person roles (victim, suspect, reporter, other) and the staff who hold key
// slots. Marks: every category of a suspect's data is criminal data (art. 10); a victim's signal,
// case and help-request data are special categories (art. 9: sex life and health); a recipient is
// marked art. 10 when it receives suspects or is an investigating authority (police, labour
// inspection), art. 9 when it receives victims with record fields that carry art. 9 data.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "reports/processing_register.hpp"
#include "service/session.hpp"

namespace mk::service {

// The policy files the register is made from, in the folder given (their SHA-256 is listed).
inline constexpr std::string_view kControllerFile = "controller.json";

// Builds the register from the policy files in `policy_dir` (controller.json, sharing.json,
// retention.json; any missing or invalid one: its load error, kNotFound or kPolicyInvalid), as of
// `generated`. With `session`, adds the vault's metadata (id, schema version, key slots per role);
// reads no record. Read-only: audits nothing.
Result<reports::ProcessingRegister> build_processing_register(
    const std::filesystem::path& policy_dir, Instant generated, Session* session = nullptr);

enum class RegisterFormat { kPdf, kJson };
std::optional<RegisterFormat> parse_register_format(std::string_view name);  // "pdf", "json"
// From the file name's extension, case-insensitively: ".pdf", ".json"; nullopt otherwise.
std::optional<RegisterFormat> register_format_for(const std::filesystem::path& file);

// Builds the register, renders it and writes `out` (write_new_file: never replacing; kConflict when
// a file exists there, and nothing is written). A PDF needs a QGuiApplication
// (reports/offscreen_gui.hpp). With `session`, writing is audited as "report.register".
Result<reports::ProcessingRegister> write_processing_register(
    const std::filesystem::path& policy_dir, Instant generated, Session* session,
    const std::filesystem::path& out, RegisterFormat format);

}  // namespace mk::service
