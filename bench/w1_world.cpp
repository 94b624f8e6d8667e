#include "w1_world.hpp"

#include <algorithm>
#include <cmath>

#include "service/casework.hpp"
#include "vault/case_store.hpp"
#include "vault/person_store.hpp"
#include "vault/signal_store.hpp"
#include "w1_layout.hpp"
#include "w1_synthetic.hpp"

namespace mk::bench {
namespace {

std::size_t scaled(double scale, double full, std::size_t at_least) {
  return std::max(at_least, static_cast<std::size_t>(std::llround(full * scale)));
}

}  // namespace

W1Size W1Size::at(double scale) {
  W1Size s;
  s.scale = scale;
  s.persons = scaled(scale, 150000, 100);
  s.signals = scaled(scale, 100000, 60);
  s.audit_entries = scaled(scale, 1000000, 1000);
  s.sweep_signals = scaled(scale, 5000, 5);
  s.export_persons = scaled(scale, 500, 5);
  s.lookups = scaled(scale, 1000, 100);
  return s;
}

Instant w1_now() {
  return Date(2026, 11, 29).sys_days() + std::chrono::hours(10);
}

World::World(std::filesystem::path root, const W1Size& size)
    : root_(std::move(root)),
      dir_(root_ / "vault"),
      size_(size),
      clock_(std::make_unique<FixedClock>(w1_now())),
      passphrase_(std::make_unique<crypto::SecretBuffer>(
          crypto::SecretBuffer::copy_of(std::string_view("correct paard batterij nietje")))),
      kdf_(crypto::pwhash_params_for_tests()) {}

Result<World> World::create(const std::filesystem::path& root, const W1Size& size) {
  World w(root, size);
  MK_ASSIGN_OR_RETURN(
      service::Session::Created created,
      service::Session::create(w.dir_, *w.passphrase_, w.kdf_, *w.clock_, "bench@localhost"));
  w.session_.emplace(std::move(created.session));
  w.person_ids_.reserve(size.persons);
  w.signal_ids_.reserve(size.signals);
  return w;
}

std::size_t World::general_persons_begin() const {
  return w1_general_persons_begin(size_);
}

Status World::add_persons(std::size_t begin, std::size_t end) {
  return session_->transact("bench.add_persons", [&](vault::UnitOfWork& uow) -> Status {
    for (std::size_t i = begin; i < end; ++i) {
      MK_ASSIGN_OR_RETURN(std::string id, vault::add_person(uow, w1_role(size_, i), w1_person(i)));
      person_ids_.push_back(std::move(id));
    }
    return Status::ok();
  });
}

Status World::add_signals(std::size_t begin, std::size_t end) {
  auto person = [this](std::size_t i) { return person_ids_.at(i); };
  return session_->transact("bench.add_signals", [&](vault::UnitOfWork& uow) -> Status {
    for (std::size_t j = begin; j < end; ++j) {
      MK_ASSIGN_OR_RETURN(std::string id, vault::add_signal(uow, w1_signal(size_, j, person)));
      signal_ids_.push_back(std::move(id));
    }
    return Status::ok();
  });
}

Status World::close_sweep_signals() {
  for (std::size_t begin = 0; begin < size_.sweep_signals; begin += size_.batch) {
    std::size_t end = std::min(size_.sweep_signals, begin + size_.batch);
    MK_RETURN_IF_ERROR(
        session_->transact("bench.close_signals", [&](vault::UnitOfWork& uow) -> Status {
          for (std::size_t j = begin; j < end; ++j) {
            MK_RETURN_IF_ERROR(vault::close_signal(
                uow, signal_ids_.at(j), vault::SignalOutcome::kNoSuspicion, Date(2019, 4, 1)));
          }
          return Status::ok();
        }));
  }
  return Status::ok();
}

Status World::open_export_case() {
  const std::size_t g = size_.sweep_signals;
  vault::CaseInput in;
  in.opened = Date(2026, 11, 2);
  in.summary =
      "Casus arbeidsuitbuiting uitzendbureau Haaglanden: groep arbeidsmigranten in gedeelde "
      "huisvesting, loon ingehouden voor huur en vervoer.";
  for (std::size_t j = g; j < g + size_.export_persons - 1; ++j) {
    in.signal_ids.push_back(signal_ids_.at(j));
  }
  for (std::size_t i = g; i < g + size_.export_persons; ++i) {
    in.person_ids.push_back(person_ids_.at(i));
  }
  MK_ASSIGN_OR_RETURN(export_case_,
                      session_->transact("bench.open_case", [&](vault::UnitOfWork& uow) {
                        return vault::open_case(uow, in);
                      }));
  return Status::ok();
}

Status World::reopen() {
  session_.reset();
  MK_ASSIGN_OR_RETURN(service::Session s,
                      service::Session::open(dir_, *passphrase_, std::string("coordinator"),
                                             *clock_, "bench@localhost"));
  session_.emplace(std::move(s));
  return Status::ok();
}

}  // namespace mk::bench
