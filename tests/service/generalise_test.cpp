// Generalising for a package: the year of a birth date, the place of an address, and nothing when
// the place cannot be told from the street.
#include "service/generalise.hpp"

#include <catch2/catch.hpp>

using mk::service::birth_year;
using mk::service::place_of;

TEST_CASE("generalise: the birth year", "[sharing][generalise]") {
  CHECK(birth_year("2001-11-23") == "2001");
  CHECK(birth_year("1968-09-14") == "1968");
  CHECK_FALSE(birth_year("23-11-2001"));
  CHECK_FALSE(birth_year(""));
}

TEST_CASE("generalise: the place after a Dutch postcode, else the last part",
          "[sharing][generalise]") {
  CHECK(place_of("Herenstraat 12, 2282 BX Rijswijk") == "Rijswijk");
  CHECK(place_of("Generaal Spoorlaan 405, 2285TM Rijswijk") == "Rijswijk");
  CHECK(place_of("Laan van Hoornwijck 31 2289 DG Rijswijk ZH") == "Rijswijk ZH");
  CHECK(place_of("Burgemeester Elsenlaan 140, 2282 MZ  's-Gravenhage, Nederland") ==
        "'s-Gravenhage");
  CHECK(place_of("Prinses Irenelaan 7, Rijswijk") == "Rijswijk");
  CHECK(place_of("Rijswijk") == "Rijswijk");
  CHECK(place_of("ul. Długa 5, Gdańsk") == "Gdańsk");
  // Nothing that would send the street.
  CHECK_FALSE(place_of("Herenstraat 12"));
  CHECK_FALSE(place_of("Herenstraat, 12"));
  CHECK_FALSE(place_of("2282 BX"));
  CHECK_FALSE(place_of(""));
}
