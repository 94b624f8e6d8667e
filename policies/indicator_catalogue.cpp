#include "policies/indicator_catalogue.hpp"

#include "policies/policy_file.hpp"

namespace mk::policies {

std::string_view axis_name(Axis axis) {
  switch (axis) {
    case Axis::kCoercion:
      return "coercion";
    case Axis::kExploitation:
      return "exploitation";
    case Axis::kControl:
      return "control";
  }
  return "unknown";
}

std::optional<Axis> parse_axis(std::string_view name) {
  for (Axis a : {Axis::kCoercion, Axis::kExploitation, Axis::kControl}) {
    if (axis_name(a) == name) return a;
  }
  return std::nullopt;
}

Result<IndicatorCatalogue> load_indicator_catalogue(const std::string& path) {
  MK_ASSIGN_OR_RETURN(std::string text, read_policy_file(path));
  return parse_indicator_catalogue(text, path);
}

template <typename T>
const T* IndicatorCatalogue::lookup(const Index& index, const std::vector<T>& items,
                                    std::string_view code) {
  const auto it = index.find(code);
  return it == index.end() ? nullptr : &items[it->second];
}

const Indicator* IndicatorCatalogue::find(std::string_view code) const {
  return lookup(indicator_index_, indicators_, code);
}

const IndicatorGroup* IndicatorCatalogue::find_group(std::string_view code) const {
  return lookup(group_index_, groups_, code);
}

const TraffickingForm* IndicatorCatalogue::find_form(std::string_view code) const {
  return lookup(form_index_, forms_, code);
}

std::vector<const Indicator*> IndicatorCatalogue::indicators_of(std::string_view group_code) const {
  std::vector<const Indicator*> out;
  for (const Indicator& i : indicators_) {
    if (i.group == group_code) out.push_back(&i);
  }
  return out;
}

std::vector<const IndicatorGroup*> IndicatorCatalogue::groups_on(Axis axis) const {
  std::vector<const IndicatorGroup*> out;
  for (const IndicatorGroup& g : groups_) {
    if (g.axis == axis) out.push_back(&g);
  }
  return out;
}

}  // namespace mk::policies
