// Word lists for generated demo data: company names, people, places. Combinations are invented;
// cities and states are real places so addresses look right.
#pragma once

#include <array>
#include <string_view>

namespace concord::app::demo_names {

inline constexpr std::array<std::string_view, 40> kCompanyFirst = {
    "Harborview", "Summit Ridge", "Blue Heron", "Ironwood", "Cedar Point", "Northgate", "Silver Creek", "Redstone",
    "Lakeshore", "Granite Peak", "Meridian", "Evergreen", "Copper Canyon", "Brightwater", "Oak Hollow", "Pioneer",
    "Crescent Bay", "Westfield", "Riverbend", "Highland", "Keystone", "Prairie Wind", "Stonebridge", "Bluebird",
    "Coastal", "Timberline", "Sunrise", "Falcon", "Magnolia", "Liberty", "Beacon Hill", "Aspen Grove", "Tidewater",
    "Maple Leaf", "Sterling", "Foxglove", "Juniper", "Anchor Point", "Clearwater", "Red Rock"};

inline constexpr std::array<std::string_view, 30> kCompanySecond = {
    "Logistics", "Health Partners", "Manufacturing", "Software", "Foods", "Engineering", "Retail Group",
    "Energy", "Financial Services", "Medical Devices", "Construction", "Analytics", "Hospitality", "Biosciences",
    "Freight", "Dental Group", "Learning", "Media", "Robotics", "Pharmacy Services", "Property Management",
    "Security Services", "Aerospace", "Packaging", "Telecom", "Clinical Research", "Marketing", "Consulting",
    "Water Works", "Apparel"};

inline constexpr std::array<std::string_view, 6> kCompanySuffix = {"LLC", "Inc.", "Corp.", "Co.", "Group LLC",
                                                                    "Holdings Inc."};

// Industry of each kCompanySecond entry (NAICS sector names, as in clients::kIndustries).
inline constexpr std::array<std::string_view, 30> kIndustryOfSecond = {
    "Transportation and Warehousing", "Health Care and Social Assistance", "Manufacturing", "Information",
    "Manufacturing", "Professional, Scientific, and Technical Services", "Retail Trade", "Utilities",
    "Finance and Insurance", "Manufacturing", "Construction", "Professional, Scientific, and Technical Services",
    "Accommodation and Food Services", "Professional, Scientific, and Technical Services",
    "Transportation and Warehousing", "Health Care and Social Assistance", "Educational Services", "Information",
    "Manufacturing", "Health Care and Social Assistance", "Real Estate and Rental and Leasing",
    "Administrative and Support Services", "Manufacturing", "Manufacturing", "Information",
    "Professional, Scientific, and Technical Services", "Professional, Scientific, and Technical Services",
    "Professional, Scientific, and Technical Services", "Utilities", "Retail Trade"};

inline constexpr std::array<std::string_view, 48> kFirstNames = {
    "Avery", "Jordan", "Morgan", "Riley", "Casey", "Taylor", "Quinn", "Harper", "Rowan", "Emerson", "Dana", "Alexis",
    "Priya", "Mateo", "Sofia", "Liam", "Aisha", "Noah", "Mei", "Diego", "Hannah", "Omar", "Grace", "Kenji", "Elena",
    "Marcus", "Fatima", "Lucas", "Chloe", "Andre", "Nadia", "Samuel", "Yara", "Julian", "Leah", "Tomas", "Ingrid",
    "Kwame", "Rosa", "Felix", "Anika", "Owen", "Zara", "Isaac", "Lena", "Hugo", "Maya", "Ravi"};

inline constexpr std::array<std::string_view, 48> kLastNames = {
    "Whitfield", "Okafor", "Lindqvist", "Ramirez", "Chen", "Novak", "Patel", "Brennan", "Sato", "Moreau", "Haddad",
    "Kowalski", "Delgado", "Fischer", "Nakamura", "Osei", "Larsen", "Castillo", "Abernathy", "Volkov", "Mbeki",
    "Quintero", "Hargrove", "Iyer", "Donnelly", "Adeyemi", "Petrov", "Gallagher", "Tanaka", "Ferreira", "Ostrowski",
    "Mensah", "Carver", "Yilmaz", "Ashford", "Nguyen", "Brandt", "Salazar", "Kimura", "Thornton", "Rahman",
    "Ellison", "Vasquez", "Holm", "Achebe", "Park", "Whitaker", "Lund"};

struct City {
  std::string_view name;
  std::string_view state;
  std::string_view zip_prefix;
};

inline constexpr std::array<City, 32> kCities = {{
    {"Seattle", "WA", "981"},      {"Portland", "OR", "972"},    {"San Jose", "CA", "951"},
    {"Los Angeles", "CA", "900"},  {"San Diego", "CA", "921"},   {"Phoenix", "AZ", "850"},
    {"Denver", "CO", "802"},       {"Austin", "TX", "787"},      {"Dallas", "TX", "752"},
    {"Houston", "TX", "770"},      {"Chicago", "IL", "606"},     {"Minneapolis", "MN", "554"},
    {"Detroit", "MI", "482"},      {"Columbus", "OH", "432"},    {"Indianapolis", "IN", "462"},
    {"Nashville", "TN", "372"},    {"Atlanta", "GA", "303"},     {"Charlotte", "NC", "282"},
    {"Raleigh", "NC", "276"},      {"Miami", "FL", "331"},       {"Tampa", "FL", "336"},
    {"Orlando", "FL", "328"},      {"Richmond", "VA", "232"},    {"Baltimore", "MD", "212"},
    {"Philadelphia", "PA", "191"}, {"Pittsburgh", "PA", "152"},  {"Newark", "NJ", "071"},
    {"New York", "NY", "100"},     {"Buffalo", "NY", "142"},     {"Boston", "MA", "021"},
    {"Hartford", "CT", "061"},     {"Salt Lake City", "UT", "841"},
}};

inline constexpr std::array<std::string_view, 24> kStreets = {
    "Maple", "Oak", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Main", "Market", "Commerce",
    "Harbor", "River", "Sunset", "Industrial", "Franklin", "Lincoln", "Madison", "Jefferson", "Mill", "Spring",
    "Church", "Center"};
inline constexpr std::array<std::string_view, 6> kStreetTypes = {"St", "Ave", "Blvd", "Rd", "Way", "Pkwy"};

inline constexpr std::array<std::string_view, 8> kContactRoles = {
    "HR Director", "Accounts Payable", "MSP Program Manager", "Hiring Manager", "Payroll Manager",
    "Benefits Administrator", "Procurement", "Operations Manager"};

}  // namespace concord::app::demo_names
