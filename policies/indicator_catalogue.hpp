// The indicator catalogue: the signals a coordinator ticks when weighing a melding, grouped into
// lists (Rijswijk's coercion and exploitation signals, the Arbeidsinspectie's labour signals, the
// HTCDS methods of control), plus the forms of trafficking a melding can be suspected of.
//
// It is policy data (policies/indicators.json, format in docs/policies/indicators.md), loaded
// strictly: any problem stops the load with kPolicyInvalid and "FILE:LINE:COL: reason". A loaded
// catalogue is immutable; its hash() is the policy version recorded with every decision.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace mk::policies {

// The `format` value this version reads.
inline constexpr std::string_view kIndicatorCatalogueFormat = "meldkluis-indicators/1";

// Which side of the art. 273f Sr definition a list of signals speaks to. A GUI shows the checklist
// by axis: coercion (the means: dwang), exploitation (the aim: uitbuiting), control (HTCDS methods
// of control, the vocabulary partners exchange).
enum class Axis { kCoercion, kExploitation, kControl };

// "coercion", "exploitation", "control": the names used in the file.
std::string_view axis_name(Axis axis);
// The Axis of a name from the file; nullopt for any other text.
std::optional<Axis> parse_axis(std::string_view name);

struct IndicatorGroup {
  std::string code;  // "coercion"
  Axis axis = Axis::kCoercion;
  std::string label_nl;
  std::string label_en;
  std::string reference;  // where the list comes from
};

struct Indicator {
  std::string code;             // "coercion.violence"; stable: records store it
  std::string group;            // code of its IndicatorGroup (always defined)
  Axis axis = Axis::kCoercion;  // its group's axis
  std::string label_nl;
  std::string label_en;
  std::string reference;
  std::string htcds;  // the HTCDS v2.0 method of control it is ("DebtBondage"); empty if none
};

struct TraffickingForm {
  std::string code;  // "sexual", "labour", "criminal", "organ_removal", "other"
  std::string label_nl;
  std::string label_en;
  std::string reference;
  std::string htcds;  // the HTCDS v2.0 type of exploitation ("ForcedLabour"); empty if none
};

class IndicatorCatalogue;

// Parses catalogue text. `file_name_for_errors` starts every error message; nothing is read from
// disk. Guarantees on success: every code valid and unique within its kind (form, group,
// indicator), every indicator's group defined, every group non-empty, every label and reference
// non-empty text, every `htcds` value a name of the HTCDS v2.0 vocabulary and unique within its
// kind.
Result<IndicatorCatalogue> parse_indicator_catalogue(std::string_view text,
                                                     std::string_view file_name_for_errors);

// Reads and parses the file at `path` (named in messages as given). Errors: kNotFound, kIo (see
// read_policy_file) and kPolicyInvalid.
Result<IndicatorCatalogue> load_indicator_catalogue(const std::string& path);

class IndicatorCatalogue {
 public:
  // Lowercase hex SHA-256 of the exact bytes parsed: the policy version.
  const std::string& hash() const { return hash_; }

  // Everything in file order.
  const std::vector<IndicatorGroup>& groups() const { return groups_; }
  const std::vector<Indicator>& indicators() const { return indicators_; }
  const std::vector<TraffickingForm>& forms() const { return forms_; }

  // Lookups by code; nullptr when unknown. Pointers stay valid as long as this catalogue object.
  const Indicator* find(std::string_view code) const;
  const IndicatorGroup* find_group(std::string_view code) const;
  const TraffickingForm* find_form(std::string_view code) const;
  bool is_known(std::string_view code) const { return find(code) != nullptr; }
  bool is_known_form(std::string_view code) const { return find_form(code) != nullptr; }

  // The indicators of group `group_code` in file order; empty when the group is unknown.
  std::vector<const Indicator*> indicators_of(std::string_view group_code) const;
  // The groups on `axis` in file order.
  std::vector<const IndicatorGroup*> groups_on(Axis axis) const;

 private:
  friend class IndicatorCatalogueBuilder;
  IndicatorCatalogue() = default;

  using Index = std::map<std::string, std::size_t, std::less<>>;
  template <typename T>
  static const T* lookup(const Index& index, const std::vector<T>& items, std::string_view code);

  std::string hash_;
  std::vector<IndicatorGroup> groups_;
  std::vector<Indicator> indicators_;
  std::vector<TraffickingForm> forms_;
  Index group_index_;
  Index indicator_index_;
  Index form_index_;
};

}  // namespace mk::policies
