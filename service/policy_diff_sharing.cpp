// diff_sharing (policy_diff_parts.hpp): the disclosure policy compared partner by partner, purpose
// by purpose, field by field. Every sentence names the partner and the purpose; every sentence
// that lets something new leave the vault also names the legal basis it leaves on.
#include <algorithm>

#include "service/policy_diff_parts.hpp"

namespace mk::service::policy_diff {
namespace {

using policies::FieldFate;
using policies::SharingPartner;
using policies::SharingPurpose;

struct Words {
  std::string nl;
  std::string en;
};

Words role_plural(const std::string& role) {
  if (role == "victim") return {"slachtoffers", "victims"};
  if (role == "suspect") return {"verdachten", "suspects"};
  if (role == "reporter") return {"melders", "reporters"};
  if (role == "other") return {"overige personen", "other persons"};
  return {role, role};
}

Words fate_words(FieldFate f) {
  switch (f) {
    case FieldFate::kInclude:
      return {"volledig", "in full"};
    case FieldFate::kPseudonymise:
      return {"gepseudonimiseerd", "pseudonymised"};
    case FieldFate::kGeneralise:
      return {"gegeneraliseerd", "generalised"};
    case FieldFate::kWithhold:
      break;
  }
  return {"achtergehouden", "withheld"};
}

FieldFate fate_of(const SharingPurpose::RoleFields* role, const std::string& field) {
  if (!role) return FieldFate::kWithhold;
  for (const auto& [name, fate] : role->fields) {
    if (name == field) return fate;
  }
  return FieldFate::kWithhold;
}

std::string yes_no_nl(bool b) {
  return b ? "ja" : "nee";
}
std::string yes_no_en(bool b) {
  return b ? "yes" : "no";
}

// Compares one purpose of one partner; `before` or `after` may be null (purpose added, removed).
class PurposeDiff {
 public:
  PurposeDiff(const std::string& file, const std::string& partner, Changes& out)
      : file_(file), partner_(partner), out_(out) {}

  void run(const SharingPurpose* before, const SharingPurpose* after) {
    if (!after) {
      say(out_, file_,
          partner_ + " ontvangt niets meer voor doel " + q(before->id) + " (doel verwijderd)",
          partner_ + " no longer receives anything for purpose " + q(before->id) +
              " (purpose removed)");
      return;
    }
    purpose_ = after->id;
    basis_ = after->legal_basis;
    const SharingPurpose empty{};
    if (!before) {
      added(*after);
      before = &empty;
    } else {
      rules(*before, *after);
    }
    roles(*before, *after);
    record_fields(*before, *after);
  }

 private:
  std::string where() const { return partner_ + "/" + purpose_; }
  std::string for_nl() const { return " voor doel " + q(purpose_); }
  std::string for_en() const { return " for purpose " + q(purpose_); }
  std::string basis_nl() const { return " op grondslag " + q(basis_); }
  std::string basis_en() const { return " on basis " + q(basis_); }

  void added(const SharingPurpose& p) {
    std::string consent_nl = p.consent.required ? "toestemming vereist (vanaf " +
                                                      std::to_string(p.consent.self_from_age) +
                                                      " tekent de persoon zelf)"
                                                : "geen toestemming vereist";
    std::string consent_en = p.consent.required ? "consent required (from " +
                                                      std::to_string(p.consent.self_from_age) +
                                                      " the person signs)"
                                                : "no consent required";
    bool refuse = p.minors == policies::MinorsRule::kRefuse;
    say(out_, file_,
        partner_ + ": doel " + q(p.id) + " toegevoegd" + basis_nl() + "; " + consent_nl + "; " +
            (refuse ? "minderjarigen worden niet verstrekt" : "ook minderjarigen"),
        partner_ + ": purpose " + q(p.id) + " added" + basis_en() + "; " + consent_en + "; " +
            (refuse ? "minors are not sent" : "minors too"));
  }

  void rules(const SharingPurpose& a, const SharingPurpose& b) {
    if (a.legal_basis != b.legal_basis) {
      say(out_, file_,
          where() + ": grondslag gewijzigd van " + q(a.legal_basis) + " naar " + q(b.legal_basis),
          where() + ": legal basis changed from " + q(a.legal_basis) + " to " + q(b.legal_basis));
    }
    if (a.legal_basis_reference != b.legal_basis_reference) {
      say(out_, file_, where() + ": bron van de grondslag nu " + q(b.legal_basis_reference),
          where() + ": reference for the legal basis now " + q(b.legal_basis_reference));
    }
    if (a.consent.required != b.consent.required) {
      say(out_, file_,
          where() + ": toestemming vereist " + yes_no_nl(a.consent.required) + " -> " +
              yes_no_nl(b.consent.required),
          where() + ": consent required " + yes_no_en(a.consent.required) + " -> " +
              yes_no_en(b.consent.required));
    }
    if (a.consent.self_from_age != b.consent.self_from_age) {
      std::string ages = std::to_string(a.consent.self_from_age) + " -> " +
                         std::to_string(b.consent.self_from_age);
      say(out_, file_, where() + ": leeftijd vanaf welke de persoon zelf toestemming geeft " + ages,
          where() + ": age from which the person consents themselves " + ages);
    }
    if (a.consent.reference != b.consent.reference) {
      say(out_, file_, where() + ": bron van de toestemmingsregel nu " + q(b.consent.reference),
          where() + ": reference for the consent rule now " + q(b.consent.reference));
    }
    if (a.minors != b.minors) {
      bool refuse = b.minors == policies::MinorsRule::kRefuse;
      say(out_, file_,
          where() +
              (refuse ? ": minderjarigen worden niet meer verstrekt"
                      : ": minderjarigen mogen nu worden verstrekt") +
              (refuse ? "" : basis_nl()),
          where() + (refuse ? ": minors are no longer sent" : ": minors may now be sent") +
              (refuse ? "" : basis_en()));
    }
    if (a.minors_reference != b.minors_reference) {
      say(out_, file_,
          where() + ": bron van de regel voor minderjarigen nu " + q(b.minors_reference),
          where() + ": reference for the minors rule now " + q(b.minors_reference));
    }
    if (a.label_nl != b.label_nl || a.label_en != b.label_en) {
      say(out_, file_, where() + ": omschrijving gewijzigd", where() + ": label changed");
    }
  }

  void roles(const SharingPurpose& a, const SharingPurpose& b) {
    for (const SharingPurpose::RoleFields& r : a.roles) {
      if (b.find_role(r.role)) continue;
      Words who = role_plural(r.role);
      say(out_, file_, partner_ + " ontvangt geen " + who.nl + " meer" + for_nl(),
          partner_ + " no longer receives " + who.en + for_en());
    }
    for (const SharingPurpose::RoleFields& r : b.roles) {
      const SharingPurpose::RoleFields* old = a.find_role(r.role);
      Words who = role_plural(r.role);
      if (!old) {
        say(out_, file_, partner_ + " mag nu " + who.nl + " ontvangen" + for_nl() + basis_nl(),
            partner_ + " may now receive " + who.en + for_en() + basis_en());
      }
      for (std::string_view name : policies::kPersonFieldNames) {
        fields(std::string(name), who, fate_of(old, std::string(name)),
               fate_of(&r, std::string(name)));
      }
    }
  }

  void fields(const std::string& field, const Words& who, FieldFate was, FieldFate now) {
    if (was == now) return;
    Words now_w = fate_words(now);
    Words was_w = fate_words(was);
    const std::string f = "veld " + q(field) + " van " + who.nl;
    const std::string f_en = "field " + q(field) + " of " + who.en;
    if (was == FieldFate::kWithhold) {
      say(out_, file_,
          partner_ + " mag nu " + f + " (" + now_w.nl + ") ontvangen" + for_nl() + basis_nl(),
          partner_ + " may now receive " + f_en + " (" + now_w.en + ")" + for_en() + basis_en());
    } else if (now == FieldFate::kWithhold) {
      say(out_, file_,
          partner_ + " ontvangt " + f + " niet meer" + for_nl() + " (was: " + was_w.nl + ")",
          partner_ + " no longer receives " + f_en + for_en() + " (was: " + was_w.en + ")");
    } else {
      say(out_, file_,
          partner_ + " ontvangt " + f + " nu " + now_w.nl + " in plaats van " + was_w.nl +
              for_nl() + basis_nl(),
          partner_ + " now receives " + f_en + " " + now_w.en + " instead of " + was_w.en +
              for_en() + basis_en());
    }
  }

  void record_fields(const SharingPurpose& a, const SharingPurpose& b) {
    auto has = [](const std::vector<std::string>& v, const std::string& x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    for (const std::string& f : b.record_fields) {
      if (has(a.record_fields, f)) continue;
      say(out_, file_,
          partner_ + " mag nu dossierveld " + q(f) + " ontvangen" + for_nl() + basis_nl(),
          partner_ + " may now receive record field " + q(f) + for_en() + basis_en());
    }
    for (const std::string& f : a.record_fields) {
      if (has(b.record_fields, f)) continue;
      say(out_, file_, partner_ + " ontvangt dossierveld " + q(f) + " niet meer" + for_nl(),
          partner_ + " no longer receives record field " + q(f) + for_en());
    }
  }

  const std::string& file_;
  const std::string& partner_;
  Changes& out_;
  std::string purpose_;
  std::string basis_;
};

const SharingPurpose* find_purpose(const SharingPartner& p, const std::string& id) {
  for (const SharingPurpose& s : p.purposes) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

void diff_partner(const SharingPartner* a, const SharingPartner& b, const std::string& file,
                  Changes& out) {
  if (!a) {
    say(out, file, "partner " + q(b.id) + " toegevoegd (soort " + b.kind + ")",
        "partner " + q(b.id) + " added (kind " + b.kind + ")");
  } else {
    if (a->kind != b.kind) {
      say(out, file, "partner " + q(b.id) + ": soort " + a->kind + " -> " + b.kind,
          "partner " + q(b.id) + ": kind " + a->kind + " -> " + b.kind);
    }
    if (a->name_nl != b.name_nl || a->name_en != b.name_en) {
      say(out, file, "partner " + q(b.id) + ": naam gewijzigd in " + q(b.name_nl),
          "partner " + q(b.id) + ": name changed to " + q(b.name_en));
    }
  }
  PurposeDiff diff(file, b.id, out);
  if (a) {
    for (const SharingPurpose& p : a->purposes) {
      if (!find_purpose(b, p.id)) diff.run(&p, nullptr);
    }
  }
  for (const SharingPurpose& p : b.purposes) {
    diff.run(a ? find_purpose(*a, p.id) : nullptr, &p);
  }
}

}  // namespace

void diff_sharing(const policies::SharingPolicy& before, const policies::SharingPolicy& after,
                  const std::string& file, Changes& out) {
  for (const SharingPartner& p : before.partners()) {
    if (after.find_partner(p.id)) continue;
    say(out, file, "partner " + q(p.id) + " verwijderd: ontvangt niets meer",
        "partner " + q(p.id) + " removed: it no longer receives anything");
  }
  for (const SharingPartner& p : after.partners()) {
    diff_partner(before.find_partner(p.id), p, file, out);
  }
}

}  // namespace mk::service::policy_diff
