// Roles of DOMAIN.md §3 plus customer and administrator. A user has exactly
// one role; what a role may see and do is decided in service/.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace hd::core {

enum class Role {
  kCustomer,
  kL1Operator,
  kIncidentManager,
  kTester,
  kItOperator,
  kDeveloper,
  kRfcBoard,
  kIntegrator,
  kAdministrator,
};

inline constexpr std::array<Role, 9> kAllRoles = {
    Role::kCustomer, Role::kL1Operator, Role::kIncidentManager,
    Role::kTester,   Role::kItOperator, Role::kDeveloper,
    Role::kRfcBoard, Role::kIntegrator, Role::kAdministrator,
};

// The stable wire/storage id: "customer", "l1_operator", "incident_manager",
// "tester", "it_operator", "developer", "rfc_board", "integrator",
// "administrator".
std::string_view ToString(Role role);

// Inverse of ToString; nullopt for an unknown id.
std::optional<Role> ParseRole(std::string_view id);

// True for every role but customer: staff work on tickets of others.
constexpr bool IsStaff(Role role) { return role != Role::kCustomer; }

}  // namespace hd::core
