// Generalising a person field for a partner package (sharing.json "generalise"): the date of birth
// becomes the year, the address the place. Sending less is the point, so when the place cannot be
// told apart from the street, nothing is sent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mk::service {

// "1998-04-17" -> "1998". nullopt for anything that does not start with four digits and "-".
std::optional<std::string> birth_year(std::string_view date_of_birth);

// The place (municipality) of an address:
//   - after a Dutch postcode ("1234 AB" or "1234AB") followed by white space, up to the next comma:
//     "Herenstraat 12, 2282 BX Rijswijk" -> "Rijswijk";
//   - else the last comma-separated part: "Laan van Hoornwijck 31, Rijswijk" -> "Rijswijk";
//   - else the whole address when it has no digit (it is a place name already): "Rijswijk";
//   - else nullopt ("Herenstraat 12": the street, which must not go).
// The result is trimmed, and nullopt when it would hold a digit or be empty.
std::optional<std::string> place_of(std::string_view address);

}  // namespace mk::service
