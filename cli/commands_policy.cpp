// meldkluis policy diff|history: policy review. `diff` says in words what changed between two
// versions of the policy files (no vault needed); `history` lists the policy versions the vault has
// run under, as recorded when sessions opened (service/policy_recording.hpp). Policy texts and
// hashes hold no personal data, so every role may see them. See docs/policy-review.md.
#include <cstdio>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/session_access.hpp"
#include "service/policy_review.hpp"

namespace mk::cli {
namespace {

json::Value changes_json(const std::vector<service::PolicyChange>& changes) {
  json::Value out = json::Value::array();
  for (const service::PolicyChange& c : changes) {
    json::Value o = json::Value::object();
    o.set("file", c.file);
    o.set("nl", c.nl);
    o.set("en", c.en);
    out.push(std::move(o));
  }
  return out;
}

// The changes grouped by file: the file's name, then each change in Dutch and in English.
void print_changes(const std::vector<service::PolicyChange>& changes, std::string_view indent) {
  std::string file;
  for (const service::PolicyChange& c : changes) {
    std::string text;
    if (c.file != file) {
      file = c.file;
      text += std::string(indent) + file + "\n";
    }
    text += std::string(indent) + "  - " + c.nl + "\n" + std::string(indent) + "    " + c.en + "\n";
    std::fputs(text.c_str(), stdout);
  }
}

Exit run_diff(const Invocation& inv) {
  const std::vector<std::string>& p = inv.args.positionals();
  MK_CLI_TRY(service::PolicyPair pair, service::read_policy_pair(p.at(0), p.at(1)));
  MK_CLI_TRY(std::vector<service::PolicyChange> changes,
             service::diff_policies(pair.before, pair.after));
  if (inv.globals.json) {
    print_json(changes_json(changes));
  } else if (changes.empty()) {
    std::fputs("Geen wijzigingen / No changes\n", stdout);
  } else {
    print_changes(changes, "");
  }
  return Exit::ok();
}

std::string short_hash(const std::string& hash) {
  return hash.empty() ? "-" : hash.substr(0, 12);
}

json::Value hash_json(const std::string& hash) {
  return hash.empty() ? json::Value() : json::Value(hash);
}

Exit run_history(const Invocation& inv) {
  const bool with_diff = inv.args.has("diff");
  MK_CLI_TRY(service::Session session, open_session(inv.globals));
  MK_CLI_TRY(std::vector<service::PolicyHistoryEntry> history, service::policy_history(session));
  std::vector<std::vector<service::PolicyChange>> diffs(history.size());
  if (with_diff) {
    for (std::size_t i = 0; i < history.size(); ++i) {
      // Only this entry's file differs between its before and after. A stored version that no
      // longer validates in its folder says so on its own line rather than hiding the others.
      Result<std::vector<service::PolicyChange>> d =
          service::diff_policies(history[i].before, history[i].after);
      if (d) {
        diffs[i] = std::move(*d);
      } else {
        diffs[i].push_back({history[i].file, "niet te vergelijken: " + d.status().message(),
                            "cannot compare: " + d.status().message()});
      }
    }
  }
  if (inv.globals.json) {
    json::Value out = json::Value::array();
    for (std::size_t i = 0; i < history.size(); ++i) {
      const service::PolicyHistoryEntry& e = history[i];
      json::Value o = json::Value::object();
      o.set("time", format_instant(e.time));
      o.set("file", e.file);
      o.set("old_hash", hash_json(e.old_hash));
      o.set("new_hash", hash_json(e.new_hash));
      o.set("actor", e.actor);
      o.set("origin", e.origin);
      if (with_diff) o.set("changes", changes_json(diffs[i]));
      out.push(std::move(o));
    }
    print_json(out);
    return Exit::ok();
  }
  if (history.empty()) {
    notice("Geen beleidsversies vastgelegd / No policy versions recorded");
    return Exit::ok();
  }
  Table table({"TIJD / TIME", "BESTAND / FILE", "OUD / OLD", "NIEUW / NEW", "DOOR / ACTOR",
               "HERKOMST / ORIGIN"});
  for (std::size_t i = 0; i < history.size(); ++i) {
    const service::PolicyHistoryEntry& e = history[i];
    std::vector<std::string> row = {format_instant(e.time), e.file,  short_hash(e.old_hash),
                                    short_hash(e.new_hash), e.actor, e.origin};
    if (!with_diff) {
      table.add(std::move(row));
      continue;
    }
    Table one({"TIJD / TIME", "BESTAND / FILE", "OUD / OLD", "NIEUW / NEW", "DOOR / ACTOR",
               "HERKOMST / ORIGIN"});
    one.add(std::move(row));
    if (i > 0) std::fputs("\n", stdout);
    one.print();
    print_changes(diffs[i], "  ");
  }
  if (!with_diff) table.print();
  return Exit::ok();
}

}  // namespace

std::vector<Command> policy_commands() {
  return {
      {"policy",
       "diff",
       "OLD NEW",
       "what changed between two policy versions / wat is er gewijzigd in het beleid",
       "Compares two policy folders (every *.json file in each), or two policy files of the same\n"
       "kind (by their \"format\", else their name: a draft sharing-2027.json against\n"
       "sharing.json), and says in words what changed: which partner may now receive which field\n"
       "on which legal basis, which retention period changed, which rule was added or removed.\n"
       "The policies are parsed, not compared as text: reformatting is no change. Prints\n"
       "\"Geen wijzigingen / No changes\" when there are none. An invalid file is exit 8 with its\n"
       "FILE:LINE:COL. Needs no vault or passphrase.",
       {},
       {{"OLD", true, "the policy folder or file in force"},
        {"NEW", true, "the changed folder or file"}},
       run_diff},
      {"policy",
       "history",
       "[--diff]",
       "the policy versions the vault ran under / beleidsversies van de kluis",
       "Every policy file version the vault was opened with: when it was first seen, the file,\n"
       "its old and new SHA-256 (the versions decisions name), the key slot and the place.\n"
       "A session records a changed policy file when it opens (audit action \"policy.change\";\n"
       "\"policy.adopt\" when the vault was made). With --diff each change is also said in words.\n"
       "Policy files hold no personal data: every role, the compliance officer's too, may run it.",
       {{"diff", OptionKind::kFlag, "", "also say what each change changed, in words"}},
       {},
       run_history},
  };
}

}  // namespace mk::cli
