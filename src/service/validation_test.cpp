#include "service/validation.hpp"

#include <gtest/gtest.h>

#include "service/access.hpp"
#include "service/crypto.hpp"

namespace hd::service {
namespace {

TEST(Email, IsTrimmedAndLowerCased) {
  EXPECT_EQ(*NormalizeEmail("  Anna.P@Example.COM "), "anna.p@example.com");
}

TEST(Email, RejectsMalformedAddressesNamingTheField) {
  for (const char* bad : {"", "anna", "@example.com", "anna@", "anna@localhost", "a b@example.com",
                          "anna@@example.com", "anna@example.", "anna@.com"}) {
    auto r = NormalizeEmail(bad, "user");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "user");
  }
}

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_TRUE(CheckText("Привет", "subject", 6, true).ok());
  EXPECT_FALSE(CheckText("Привет!", "subject", 6, true).ok());
}

TEST(Text, RejectsInvalidUtf8AndNul) {
  EXPECT_EQ(CheckText("a\xc3", "body", 100, false).error().field, "body");
  EXPECT_FALSE(CheckText(std::string("a\0b", 3), "body", 100, false).ok());
  EXPECT_FALSE(CheckText("\xed\xa0", "body", 100, false).ok());
}

TEST(Text, RequiredMeansNotBlank) {
  EXPECT_FALSE(CheckText(" \t\n", "subject", 10, true).ok());
  EXPECT_TRUE(CheckText("", "subject", 10, false).ok());
}

TEST(LocalTextCheck, EveryLanguagesTextIsCheckedAndNamesTheField) {
  EXPECT_TRUE(CheckLocalText(core::EnglishAndRussian("VIP", "ВИП"), "title", 200, true).ok());
  core::LocalText german;
  german.Set("de", "Kunden");
  const Status unknown = CheckLocalText(german, "title", 200, true);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "title");
  EXPECT_NE(unknown.error().message.find("unknown language \"de\""), std::string::npos);
  EXPECT_FALSE(CheckLocalText(core::EnglishAndRussian("VIP", "  "), "title", 200, true).ok());
  EXPECT_FALSE(CheckLocalText(core::LocalText(), "title", 200, true).ok());
  EXPECT_TRUE(CheckLocalText(core::LocalText(), "hint", 200, false).ok());
  EXPECT_FALSE(CheckLocalText(core::LocalText("a\x1E"
                                              "b"),
                              "title", 200, true)
                   .ok());
  EXPECT_FALSE(
      CheckLocalText(core::EnglishAndRussian("VIP", std::string(201, 'x')), "title", 200, true)
          .ok());
}

TEST(Access, CustomersReadOwnOrSharedCompanyTickets) {
  Actor anna{core::UserId{1}, core::Role::kCustomer, core::CompanyId{7}, "anna@x.example"};
  core::Ticket own;
  own.initiator_id = core::UserId{1};
  core::Ticket colleague;
  colleague.initiator_id = core::UserId{2};
  colleague.company_id = core::CompanyId{7};
  EXPECT_TRUE(CanRead(anna, own, false));
  EXPECT_FALSE(CanRead(anna, colleague, false));
  EXPECT_TRUE(CanRead(anna, colleague, true));
}

TEST(Access, IntegratorsReadOnlyWorkHandedToTheContractor) {
  Actor ivan{core::UserId{3}, core::Role::kIntegrator, std::nullopt, "ivan@x.example"};
  core::Ticket l1;
  core::Ticket l3;
  l3.tier = 3;
  EXPECT_FALSE(CanRead(ivan, l1, false));
  EXPECT_TRUE(CanRead(ivan, l3, false));
  l1.assignee_id = core::UserId{3};
  EXPECT_TRUE(CanRead(ivan, l1, false));
}

TEST(Access, CustomersOnlyCloseOrReopen) {
  Actor anna{core::UserId{1}, core::Role::kCustomer, std::nullopt, "anna@x.example"};
  core::Ticket t;
  t.initiator_id = anna.id;
  t.status = core::TicketStatus::kOpen;
  EXPECT_TRUE(CanChangeStatus(anna, t, core::TicketStatus::kClosed));
  EXPECT_FALSE(CanChangeStatus(anna, t, core::TicketStatus::kResolved));
  EXPECT_FALSE(CanChangeStatus(anna, t, core::TicketStatus::kOpen));
  t.status = core::TicketStatus::kResolved;
  EXPECT_TRUE(CanChangeStatus(anna, t, core::TicketStatus::kOpen));
}

TEST(Crypto, PasswordHashesVerifyOnlyTheirPassword) {
  auto hash = HashPassword("correct horse", 1, 64 * 1024);
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horsE"));
  EXPECT_FALSE(VerifyPassword("garbage", "correct horse"));
}

TEST(Crypto, TokensAreRandomAndDigestsAreHex) {
  EXPECT_NE(RandomToken(), RandomToken());
  EXPECT_EQ(RandomToken(32).size(), 43u);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace hd::service
