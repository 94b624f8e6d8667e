// json::Value: construction, typed access and the builders.
#include "base/json.hpp"

#include <cmath>
#include <cstdlib>

namespace mk::json {

Value::Value(double v) : data_(Number{v, 0, false}) {
  if (!std::isfinite(v)) std::abort();
}

Value Value::array_of(const std::vector<std::string>& items) {
  Array out;
  out.reserve(items.size());
  for (const std::string& item : items)
    out.emplace_back(item);
  return Value(std::move(out));
}

Value::Type Value::type() const {
  switch (data_.index()) {
    case 0:
      return Type::kNull;
    case 1:
      return Type::kBool;
    case 2:
      return Type::kNumber;
    case 3:
      return Type::kString;
    case 4:
      return Type::kArray;
    default:
      return Type::kObject;
  }
}

bool Value::is_integer() const {
  const auto* n = std::get_if<Number>(&data_);
  return n != nullptr && n->integral;
}

namespace {

// The alternative T of `data`; aborts when `data` holds another type.
template <typename T, typename Variant>
const T& require(const Variant& data) {
  const T* p = std::get_if<T>(&data);
  if (p == nullptr) std::abort();
  return *p;
}

template <typename T, typename Variant>
T& require(Variant& data) {
  T* p = std::get_if<T>(&data);
  if (p == nullptr) std::abort();
  return *p;
}

}  // namespace

bool Value::as_bool() const {
  return require<bool>(data_);
}
double Value::as_double() const {
  return require<Number>(data_).d;
}

std::int64_t Value::as_integer() const {
  const Number& n = require<Number>(data_);
  if (!n.integral) std::abort();
  return n.i;
}

const std::string& Value::as_string() const {
  return require<std::string>(data_);
}
const Array& Value::as_array() const {
  return require<Array>(data_);
}
Array& Value::as_array() {
  return require<Array>(data_);
}
const Object& Value::as_object() const {
  return require<Object>(data_);
}
Object& Value::as_object() {
  return require<Object>(data_);
}

const Value* Value::find(std::string_view key) const {
  const auto* members = std::get_if<Object>(&data_);
  if (members == nullptr) return nullptr;
  for (const Member& m : *members) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Value& Value::set(std::string key, Value v) {
  Object& members = as_object();
  for (Member& m : members) {
    if (m.first == key) {
      m.second = std::move(v);
      return *this;
    }
  }
  members.emplace_back(std::move(key), std::move(v));
  return *this;
}

Value& Value::push(Value v) {
  as_array().push_back(std::move(v));
  return *this;
}

std::string_view Value::type_name(Type t) {
  switch (t) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "boolean";
    case Type::kNumber:
      return "number";
    case Type::kString:
      return "string";
    case Type::kArray:
      return "array";
    case Type::kObject:
      return "object";
  }
  return "unknown";
}

}  // namespace mk::json
