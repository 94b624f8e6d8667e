// diff_json (policy_diff_parts.hpp): any policy document compared member by member. Sentences name
// the place as a path ("rules[sexual.shop].minor") and the old and new value when both are short.
#include <algorithm>
#include <optional>
#include <set>

#include "service/policy_diff_parts.hpp"

namespace mk::service::policy_diff {
namespace {

using json::Value;

constexpr std::size_t kShortValue = 60;
constexpr std::string_view kIdKeys[] = {"id", "code", "kind", "field", "role", "number"};

std::string compact(const Value& v) {
  return json::serialize(v);
}

bool same(const Value& a, const Value& b) {
  return compact(a) == compact(b);
}

std::string shown(const Value& v) {
  std::string s = compact(v);
  return s.size() <= kShortValue ? s : "...";
}

std::string child(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

std::string place(const std::string& path) {
  return path.empty() ? "(document)" : path;
}

// The item's identity under `key`, when it has a string or integer one.
std::optional<std::string> identity(const Value& item, std::string_view key) {
  const Value* v = item.find(key);
  if (!v) return std::nullopt;
  if (v->is_string()) return v->as_string();
  if (v->is_integer()) return std::to_string(v->as_integer());
  return std::nullopt;
}

// A key every object of both arrays has, distinct within each array; "" when there is none.
std::string_view id_key(const json::Array& a, const json::Array& b) {
  for (std::string_view key : kIdKeys) {
    bool ok = true;
    for (const json::Array* side : {&a, &b}) {
      std::set<std::string> seen;
      for (const Value& item : *side) {
        std::optional<std::string> id = item.is_object() ? identity(item, key) : std::nullopt;
        if (!id || !seen.insert(*id).second) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (ok) return key;
  }
  return "";
}

bool all_strings(const json::Array& a) {
  return std::all_of(a.begin(), a.end(), [](const Value& v) { return v.is_string(); });
}

class JsonDiff {
 public:
  JsonDiff(const std::string& file, Changes& out) : file_(file), out_(out) {}

  void value(const Value& a, const Value& b, const std::string& path) {
    if (same(a, b)) return;
    if (a.is_object() && b.is_object()) return object(a, b, path);
    if (a.is_array() && b.is_array()) return array(a.as_array(), b.as_array(), path);
    std::string was = shown(a), now = shown(b);
    if (was == "..." || now == "...") {
      say(out_, file_, place(path) + " gewijzigd", place(path) + " changed");
    } else {
      say(out_, file_, place(path) + ": " + was + " -> " + now,
          place(path) + ": " + was + " -> " + now);
    }
  }

 private:
  void object(const Value& a, const Value& b, const std::string& path) {
    for (const json::Member& m : a.as_object()) {
      if (!b.find(m.first)) {
        say(out_, file_, child(path, m.first) + " verwijderd", child(path, m.first) + " removed");
      }
    }
    for (const json::Member& m : b.as_object()) {
      const Value* old = a.find(m.first);
      if (!old) {
        say(out_, file_, child(path, m.first) + " toegevoegd: " + shown(m.second),
            child(path, m.first) + " added: " + shown(m.second));
      } else {
        value(*old, m.second, child(path, m.first));
      }
    }
  }

  void array(const json::Array& a, const json::Array& b, const std::string& path) {
    if (all_strings(a) && all_strings(b)) return strings(a, b, path);
    std::string_view key = id_key(a, b);
    if (key.empty()) {
      say(out_, file_, place(path) + " gewijzigd", place(path) + " changed");
      return;
    }
    auto find = [&](const json::Array& side, const std::string& id) -> const Value* {
      for (const Value& item : side) {
        if (identity(item, key) == id) return &item;
      }
      return nullptr;
    };
    auto item_path = [&](const std::string& id) { return place(path) + "[" + id + "]"; };
    for (const Value& item : a) {
      std::string id = *identity(item, key);
      if (!find(b, id)) say(out_, file_, item_path(id) + " verwijderd", item_path(id) + " removed");
    }
    std::vector<std::string> order_a, order_b;
    for (const Value& item : b) {
      std::string id = *identity(item, key);
      const Value* old = find(a, id);
      if (!old) {
        say(out_, file_, item_path(id) + " toegevoegd", item_path(id) + " added");
        continue;
      }
      order_b.push_back(id);
      value(*old, item, item_path(id));
    }
    for (const Value& item : a) {
      std::string id = *identity(item, key);
      if (find(b, id)) order_a.push_back(id);
    }
    if (order_a != order_b) {
      say(out_, file_, place(path) + ": volgorde gewijzigd", place(path) + ": order changed");
    }
  }

  void strings(const json::Array& a, const json::Array& b, const std::string& path) {
    std::vector<std::string> was, now;
    for (const Value& v : a)
      was.push_back(v.as_string());
    for (const Value& v : b)
      now.push_back(v.as_string());
    bool any = false;
    for (const std::string& s : now) {
      if (std::find(was.begin(), was.end(), s) != was.end()) continue;
      say(out_, file_, place(path) + ": " + q(s) + " toegevoegd", place(path) + ": added " + q(s));
      any = true;
    }
    for (const std::string& s : was) {
      if (std::find(now.begin(), now.end(), s) != now.end()) continue;
      say(out_, file_, place(path) + ": " + q(s) + " verwijderd",
          place(path) + ": removed " + q(s));
      any = true;
    }
    if (!any) {
      say(out_, file_, place(path) + ": volgorde gewijzigd", place(path) + ": order changed");
    }
  }

  const std::string& file_;
  Changes& out_;
};

}  // namespace

void diff_json(const json::Value& before, const json::Value& after, const std::string& file,
               Changes& out) {
  JsonDiff(file, out).value(before, after, "");
}

}  // namespace mk::service::policy_diff
