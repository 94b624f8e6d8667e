#include "policies/htcds.hpp"

#include <algorithm>
#include <array>

namespace mk::policies::htcds {

namespace {

constexpr std::array<std::string_view, 17> kMethodsOfControl = {
    "DebtBondage",
    "TakesEarnings",
    "RestrictsFinancialAccess",
    "Threats",
    "PsychologicalAbuse",
    "PhysicalAbuse",
    "SexualAbuse",
    "FalsePromises",
    "PsychoactiveSubstances",
    "RestrictsMovement",
    "RestrictsMedicalCare",
    "ExcessiveWorkingHours",
    "UsesChildren",
    "ThreatOfLawEnforcement",
    "WithholdsNecessities",
    "WithholdsDocuments",
    "Other",
};

constexpr std::array<std::string_view, 11> kTypesOfExploitation = {
    "ForcedLabour",   "SexualExploitation",
    "ChildLabour",    "ForcedMarriage",
    "Servitude",      "ForcedMilitaryByNonStateActors",
    "OrganRemoval",   "ForcedBegging",
    "ForcedAdoption", "Surrogacy",
    "Other",
};

bool contains(std::span<const std::string_view> list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

}  // namespace

std::span<const std::string_view> methods_of_control() {
  return kMethodsOfControl;
}
std::span<const std::string_view> types_of_exploitation() {
  return kTypesOfExploitation;
}

bool is_method_of_control(std::string_view name) {
  return contains(kMethodsOfControl, name);
}
bool is_type_of_exploitation(std::string_view name) {
  return contains(kTypesOfExploitation, name);
}

}  // namespace mk::policies::htcds
