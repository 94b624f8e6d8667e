// meldkluis indicators list: the catalogue of forms and indicators in force (no vault needed).
#include "cli/command.hpp"
#include "cli/json_views.hpp"
#include "cli/output.hpp"
#include "service/session.hpp"

namespace mk::cli {
namespace {

Exit run_list(const Invocation& inv) {
  MK_CLI_TRY(service::Policies policies, service::load_policies(policy_dir(inv.globals)));
  const policies::IndicatorCatalogue& catalogue = policies.indicators;
  if (inv.globals.json) {
    print_json(to_json(catalogue));
    return Exit::ok();
  }
  std::fputs("Vormen van mensenhandel / Forms of trafficking (--form)\n", stdout);
  Table forms({"  CODE", "OMSCHRIJVING / DESCRIPTION"});
  for (const policies::TraffickingForm& f : catalogue.forms())
    forms.add({"  " + f.code, f.label_nl + " / " + f.label_en});
  forms.print();
  for (const policies::IndicatorGroup& g : catalogue.groups()) {
    std::string title = "\n" + g.label_nl + " / " + g.label_en + " [" + g.code + "; " +
                        std::string(policies::axis_name(g.axis)) + "]\n";
    std::fputs(title.c_str(), stdout);
    Table items({"  CODE", "OMSCHRIJVING / DESCRIPTION"});
    for (const policies::Indicator* i : catalogue.indicators_of(g.code))
      items.add({"  " + i->code, i->label_nl + " / " + i->label_en});
    items.print();
  }
  std::fputs(("\nVersie / Version: " + catalogue.hash() + "\n").c_str(), stdout);
  return Exit::ok();
}

}  // namespace

std::vector<Command> indicators_commands() {
  return {{
      "indicators",
      "list",
      "",
      "list forms and indicators / vormen en indicatoren tonen",
      "The catalogue in force (policies/indicators.json in the policy folder), groups with\n"
      "their indicators, Dutch label first then English. Needs no vault or passphrase.",
      {},
      {},
      run_list,
  }};
}

}  // namespace mk::cli
