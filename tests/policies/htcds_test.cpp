// The HTCDS v2.0 vocabularies the catalogue's `htcds` fields are checked against.
#include "policies/htcds.hpp"

#include <catch2/catch.hpp>

namespace htcds = mk::policies::htcds;

TEST_CASE("HTCDS v2.0 vocabularies", "[policies][htcds]") {
  CHECK(htcds::methods_of_control().size() == 17);
  CHECK(htcds::types_of_exploitation().size() == 11);
  CHECK(htcds::is_method_of_control("DebtBondage"));
  CHECK(htcds::is_method_of_control("WithholdsDocuments"));
  CHECK(htcds::is_method_of_control("Other"));
  CHECK_FALSE(htcds::is_method_of_control("debtbondage"));
  CHECK_FALSE(htcds::is_method_of_control("ForcedLabour"));
  CHECK(htcds::is_type_of_exploitation("ForcedLabour"));
  CHECK(htcds::is_type_of_exploitation("OrganRemoval"));
  CHECK_FALSE(htcds::is_type_of_exploitation("DebtBondage"));
  CHECK_FALSE(htcds::is_type_of_exploitation(""));
}
