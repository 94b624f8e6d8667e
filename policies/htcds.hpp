// The closed vocabularies of IOM's Human Trafficking Case Data Standard (HTCDS v2.0) that the
// indicator catalogue points to. Names are HTCDS's system identifiers ("DebtBondage"), so a
// catalogue entry's `htcds` field can be exchanged as is. A typo in a policy file is caught here.
#pragma once

#include <span>
#include <string_view>

namespace mk::policies::htcds {

// The 17 values of the HTCDS v2.0 field MethodsOfControl, in the standard's order.
std::span<const std::string_view> methods_of_control();

// The 11 values of the HTCDS v2.0 type of exploitation, in the standard's order.
std::span<const std::string_view> types_of_exploitation();

bool is_method_of_control(std::string_view name);
bool is_type_of_exploitation(std::string_view name);

}  // namespace mk::policies::htcds
