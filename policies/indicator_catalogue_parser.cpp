// parse_indicator_catalogue: the strict reading of the catalogue format documented in
// docs/policies/indicators.md. Each object is read shallowly with StrictObject (types, rules,
// unknown keys), then cross-checked (uniqueness, group references) here.
#include <map>
#include <set>
#include <utility>

#include "base/bytes.hpp"
#include "crypto/hash.hpp"
#include "policies/htcds.hpp"
#include "policies/indicator_catalogue.hpp"
#include "policies/policy_file.hpp"
#include "policies/strict_reader.hpp"

namespace mk::policies {

namespace {

std::string axis_rule(std::string_view value) {
  if (parse_axis(value)) return {};
  return "must be one of \"coercion\", \"exploitation\", \"control\"";
}

std::string method_of_control_rule(std::string_view value) {
  if (htcds::is_method_of_control(value)) return {};
  return "must be an HTCDS v2.0 method of control, spelt as the standard does (\"DebtBondage\")";
}

std::string type_of_exploitation_rule(std::string_view value) {
  if (htcds::is_type_of_exploitation(value)) return {};
  return "must be an HTCDS v2.0 type of exploitation, spelt as the standard does "
         "(\"ForcedLabour\")";
}

std::string where(json::Position p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// Where each code or HTCDS name of one kind was first seen, to report duplicates.
using Seen = std::map<std::string, json::Position, std::less<>>;

}  // namespace

// Builds an IndicatorCatalogue from the parsed tree, one object at a time. Every read_* call
// either adds the object or returns the first problem with it; nothing is added after a problem
// because the caller stops at the first one.
class IndicatorCatalogueBuilder {
 public:
  IndicatorCatalogueBuilder(std::string_view file, std::string hash) : file_(file) {
    catalogue_.hash_ = std::move(hash);
  }

  Status read_form(const json::Value& v) {
    StrictObject o(v, file_, "form");
    TraffickingForm f;
    f.code = read_code(o);
    f.label_nl = o.string("label_nl", text_rule);
    f.label_en = o.string("label_en", text_rule);
    f.reference = o.string("reference", text_rule);
    f.htcds = o.optional_string("htcds", type_of_exploitation_rule).value_or("");
    MK_RETURN_IF_ERROR(o.finish());
    MK_RETURN_IF_ERROR(unique(form_codes_, "form code", f.code, o.position_of("code")));
    if (!f.htcds.empty()) {
      MK_RETURN_IF_ERROR(
          unique(form_htcds_, "HTCDS type of exploitation", f.htcds, o.position_of("htcds")));
    }
    catalogue_.form_index_.emplace(f.code, catalogue_.forms_.size());
    catalogue_.forms_.push_back(std::move(f));
    return Status::ok();
  }

  Status read_group(const json::Value& v) {
    StrictObject o(v, file_, "group");
    IndicatorGroup g;
    g.code = read_code(o);
    const std::string axis = o.string("axis", axis_rule);
    g.label_nl = o.string("label_nl", text_rule);
    g.label_en = o.string("label_en", text_rule);
    g.reference = o.string("reference", text_rule);
    MK_RETURN_IF_ERROR(o.finish());
    g.axis = *parse_axis(axis);  // axis_rule accepted it
    MK_RETURN_IF_ERROR(unique(group_codes_, "group code", g.code, o.position_of("code")));
    catalogue_.group_index_.emplace(g.code, catalogue_.groups_.size());
    catalogue_.groups_.push_back(std::move(g));
    return Status::ok();
  }

  // Requires every group to have been read already.
  Status read_indicator(const json::Value& v) {
    StrictObject o(v, file_, "indicator");
    Indicator i;
    i.code = read_code(o);
    i.group = o.string("group", code_rule);
    i.label_nl = o.string("label_nl", text_rule);
    i.label_en = o.string("label_en", text_rule);
    i.reference = o.string("reference", text_rule);
    i.htcds = o.optional_string("htcds", method_of_control_rule).value_or("");
    MK_RETURN_IF_ERROR(o.finish());
    MK_RETURN_IF_ERROR(unique(indicator_codes_, "indicator code", i.code, o.position_of("code")));
    const IndicatorGroup* group = catalogue_.find_group(i.group);
    if (group == nullptr) {
      return policy_error(
          file_, o.position_of("group"),
          "group " + quoted(i.group) + " of " + o.description() + " is not defined in \"groups\"");
    }
    i.axis = group->axis;
    if (!i.htcds.empty()) {
      MK_RETURN_IF_ERROR(
          unique(indicator_htcds_, "HTCDS method of control", i.htcds, o.position_of("htcds")));
    }
    groups_used_.emplace(i.group);
    catalogue_.indicator_index_.emplace(i.code, catalogue_.indicators_.size());
    catalogue_.indicators_.push_back(std::move(i));
    return Status::ok();
  }

  // Requires every indicator to have been read. A group nobody uses would be an empty heading.
  Status check_groups_used() const {
    for (const IndicatorGroup& g : catalogue_.groups_) {
      if (groups_used_.count(g.code) == 0) {
        return policy_error(file_, group_codes_.find(g.code)->second,
                            "group " + quoted(g.code) + " has no indicators");
      }
    }
    return Status::ok();
  }

  IndicatorCatalogue take() && { return std::move(catalogue_); }

 private:
  // Reads "code" and names the object by it in later messages.
  static std::string read_code(StrictObject& o) {
    std::string code = o.string("code", code_rule);
    if (is_valid_code(code)) o.describe_as(o.description() + " " + quoted(code));
    return code;
  }

  Status unique(Seen& seen, std::string_view what, const std::string& name, json::Position at) {
    const auto [it, inserted] = seen.emplace(name, at);
    if (inserted) return Status::ok();
    return policy_error(file_, at,
                        "duplicate " + std::string(what) + " " + quoted(name) + " (first at " +
                            where(it->second) + ")");
  }

  std::string_view file_;
  IndicatorCatalogue catalogue_;
  Seen form_codes_, form_htcds_, group_codes_, indicator_codes_, indicator_htcds_;
  std::set<std::string, std::less<>> groups_used_;
};

Result<IndicatorCatalogue> parse_indicator_catalogue(std::string_view text,
                                                     std::string_view file_name_for_errors) {
  const std::string_view file = file_name_for_errors;
  MK_ASSIGN_OR_RETURN(const json::Value root, parse_policy_json(text, file));

  StrictObject top(root, file, "catalogue");
  const std::string format = top.string("format", nullptr);
  MK_RETURN_IF_ERROR(top.status());
  // The version decides what the other keys mean, so it is checked before them.
  if (format != kIndicatorCatalogueFormat) {
    return policy_error(file, top.position_of("format"),
                        format_mismatch_reason(format, kIndicatorCatalogueFormat));
  }
  const json::Array& forms = top.array("forms", StrictObject::Items::kNonEmpty);
  const json::Array& groups = top.array("groups", StrictObject::Items::kNonEmpty);
  const json::Array& indicators = top.array("indicators", StrictObject::Items::kNonEmpty);
  MK_RETURN_IF_ERROR(top.finish());

  IndicatorCatalogueBuilder builder(file, to_hex(crypto::sha256(as_bytes(text))));
  for (const json::Value& v : forms)
    MK_RETURN_IF_ERROR(builder.read_form(v));
  for (const json::Value& v : groups)
    MK_RETURN_IF_ERROR(builder.read_group(v));
  for (const json::Value& v : indicators)
    MK_RETURN_IF_ERROR(builder.read_indicator(v));
  MK_RETURN_IF_ERROR(builder.check_groups_used());
  return std::move(builder).take();
}

}  // namespace mk::policies
