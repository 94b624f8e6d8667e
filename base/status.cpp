#include "base/status.hpp"

namespace mk {

std::string_view code_name(Code code) {
  switch (code) {
    case Code::kOk:
      return "ok";
    case Code::kInvalidInput:
      return "invalid_input";
    case Code::kNotFound:
      return "not_found";
    case Code::kWrongPassphrase:
      return "wrong_passphrase";
    case Code::kVaultCorrupt:
      return "vault_corrupt";
    case Code::kVaultInUse:
      return "vault_in_use";
    case Code::kPolicyInvalid:
      return "policy_invalid";
    case Code::kDisclosureRefused:
      return "disclosure_refused";
    case Code::kForbidden:
      return "forbidden";
    case Code::kConflict:
      return "conflict";
    case Code::kIo:
      return "io";
    case Code::kInternal:
      return "internal";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (is_ok()) return "ok";
  return std::string(code_name(code_)) + ": " + message_;
}

Status Status::with_context(std::string_view context) const {
  if (is_ok()) return *this;
  return Status(code_, std::string(context) + ": " + message_);
}

}  // namespace mk
