import KPICascade

/// The words a sample workshop is made of: outcomes a board tracks, departments by function,
/// the KPIs each function would pick for each outcome, Level 3 activities, roles and people.
///
/// Every KPI comes with its own link sentence and a target shape the target parser reads, so a
/// sample passes the tests the way a well-run room would; what the sample leaves open (a lead
/// time outside the window, too few KPIs) is what a real room leaves open too.
enum SampleVocabulary {
  /// A company outcome a sample can lock.
  enum Outcome: Int, CaseIterable {
    case revenue, margin, retention, promoter, cash
  }

  /// A number the room types, `{}` standing for a value drawn from `values`.
  struct TargetShape {
    let format: String
    let values: ClosedRange<Int>

    init(_ format: String, _ values: ClosedRange<Int>) {
      self.format = format
      self.values = values
    }

    func text(_ value: Int) -> String {
      format.replacingOccurrences(of: "{}", with: String(value))
    }
  }

  struct CompanyKPI {
    let outcome: Outcome
    let name: String
    let target: TargetShape
    /// The executive's title, as the room adds it: "Dana Ruiz (CFO)".
    let title: String
  }

  static let companyKPIs: [CompanyKPI] = [
    CompanyKPI(
      outcome: .revenue, name: "Revenue growth", target: TargetShape(">= {}% YoY", 12...30), title: "CEO"),
    CompanyKPI(outcome: .margin, name: "Gross margin", target: TargetShape("{}%", 38...55), title: "CFO"),
    CompanyKPI(
      outcome: .retention, name: "Customer retention", target: TargetShape(">= {}%", 85...95), title: "COO"),
    CompanyKPI(
      outcome: .promoter, name: "Net Promoter Score", target: TargetShape("NPS {}", 35...60), title: "CCO"),
    CompanyKPI(
      outcome: .cash, name: "Operating cash flow", target: TargetShape("${}M by Q4", 8...40), title: "CFO"),
  ]

  /// A department KPI a function would choose for an outcome.
  struct KPI {
    let outcome: Outcome
    let name: String
    let link: String
    let target: TargetShape
    let leadDays: Int

    init(_ outcome: Outcome, _ name: String, _ link: String, _ target: TargetShape, _ leadDays: Int) {
      self.outcome = outcome
      self.name = name
      self.link = link
      self.target = target
      self.leadDays = leadDays
    }
  }

  /// What a function says in step 2, what it measures in step 3, and who does the work in step 5.
  struct Function {
    let function: DepartmentFunction
    /// The first department of this function is called this; later ones add a region.
    let name: String
    /// One line per outcome: what the department does that moves it.
    let contributions: [Outcome: String]
    /// At least eight for revenue, margin and retention together, so eight KPIs always fit.
    let kpis: [KPI]
    /// Level 3: what a role or team does or achieves; at least five.
    let activities: [(name: String, target: TargetShape)]
    /// Teams a Level 3 KPI can measure; at least eight.
    let roles: [String]
  }

  /// The order departments are added in: the classic conflict pairs meet early.
  static let functions: [Function] = [
    sales, operations, marketing, customerSuccess, product, finance, people,
  ]

  static let regions = [
    "EMEA", "North America", "APAC", "LATAM", "DACH", "Nordics", "UK and Ireland", "Benelux", "Iberia",
    "France", "Italy", "Japan", "Australia", "India", "Middle East", "Africa", "Canada", "Brazil", "Mexico",
    "Central Europe",
  ]

  static let companyNames = [
    "Northwind", "Brightline", "Harbor & Pine", "Cobalt", "Meridian", "Fernhill", "Quayside", "Alder",
    "Lumen", "Kestrel", "Tidewater", "Oakridge",
  ]
  static let companyTrades = [
    "Retail", "Logistics", "Software", "Foods", "Outdoor", "Health", "Home", "Mobility", "Energy", "Print",
  ]

  static let firstNames = [
    "Dana", "Omar", "Lena", "Sam", "Mia", "Olu", "Cara", "Finn", "Ava", "Noor", "Ben", "Priya", "Jonas",
    "Ines", "Kofi", "Marta", "Ravi", "Elena", "Tomas", "Aiko", "Luca", "Nadia", "Hugo", "Zara", "Felix",
    "Yara", "Mateo", "Sofia", "Theo", "Amara", "Leo", "Hana", "Diego", "Ingrid", "Malik", "Rosa", "Emil",
    "Lucia", "Idris", "Freya",
  ]
  static let lastNames = [
    "Ruiz", "Haddad", "Park", "Lee", "Chen", "Ade", "Diaz", "Berg", "Stone", "Ali", "Ito", "Nair",
    "Weber", "Moreau", "Mensah", "Kowalski", "Singh", "Petrova", "Novak", "Tanaka", "Rossi", "Karim",
    "Laurent", "Okafor", "Schmidt", "Costa", "Garcia", "Silva", "Walsh", "Osei", "Lindqvist", "Sato",
    "Romero", "Larsen", "Hassan", "Ortega", "Fischer", "Conti", "Mbeki", "Nilsson",
  ]

  static let adjustmentQualifiers: [DepartmentFunction: String] = [
    .sales: "within capacity", .marketing: "that Sales accepts", .operations: "at agreed cost",
    .customerSuccess: "without discounts", .product: "within the release plan",
    .finance: "after retention spend",
    .hr: "within the hiring plan",
  ]

  // MARK: - Functions

  static let sales = Function(
    function: .sales, name: "Sales",
    contributions: [
      .revenue: "Closes new business with mid-market customers",
      .margin: "Sells at list price instead of discounting",
      .retention: "Renews and expands existing accounts",
      .promoter: "Sets expectations customers can trust",
      .cash: "Agrees upfront payment terms",
    ],
    kpis: [
      KPI(
        .revenue, "Qualified pipeline coverage",
        "More qualified pipeline now converts into bookings within the quarter.",
        TargetShape(">= {}x", 3...4), 45),
      KPI(
        .revenue, "Win rate on qualified opportunities",
        "A higher win rate turns the same pipeline into more new revenue.", TargetShape(">= {}%", 22...35), 45
      ),
      KPI(
        .revenue, "New recurring revenue booked",
        "Bookings this month become recognised revenue over the next quarter.",
        TargetShape(">= ${}k per month", 300...900), 30),
      KPI(
        .revenue, "Average deal size", "Larger deals at the same win rate grow revenue faster.",
        TargetShape(">= ${}k", 20...60), 60),
      KPI(
        .margin, "Average discount", "Smaller discounts keep more of each sale as gross margin.",
        TargetShape("<= {}%", 8...14), 30),
      KPI(
        .margin, "Deals at list price", "Selling at list price lifts the margin on every order.",
        TargetShape(">= {}%", 55...75), 30),
      KPI(
        .retention, "Renewal pipeline coverage", "Renewals worked early are renewals that stay.",
        TargetShape(">= {}x", 2...3), 60),
      KPI(
        .retention, "Expansion pipeline in existing accounts",
        "Customers who expand their contracts are the customers who stay.",
        TargetShape(">= ${}k per quarter", 150...400), 45),
      KPI(
        .promoter, "Handover completeness",
        "A complete handover sets up the first experience customers rate.",
        TargetShape(">= {}%", 85...95), 30),
      KPI(
        .cash, "Deals on upfront terms", "Upfront terms bring cash in before the costs go out.",
        TargetShape(">= {}%", 30...60), 45),
    ],
    activities: [
      ("Discovery calls held", TargetShape(">= {} per week", 12...40)),
      ("Qualified opportunities created", TargetShape(">= {} per month", 8...20)),
      ("Proposals sent", TargetShape(">= {} per month", 6...15)),
      ("Executive meetings held", TargetShape(">= {} per month", 3...10)),
      ("Forecast accuracy", TargetShape(">= {}%", 80...95)),
      ("Mutual action plans agreed", TargetShape(">= {} per month", 3...8)),
    ],
    roles: [
      "Account executives", "Sales development reps", "Sales engineers", "Account managers", "Deal desk",
      "Channel managers", "Inside sales reps", "Renewals specialists",
    ])

  static let operations = Function(
    function: .operations, name: "Operations",
    contributions: [
      .revenue: "Ships every order the day it is placed",
      .margin: "Keeps fulfilment costs down",
      .retention: "Delivers on time and complete",
      .promoter: "Gets deliveries right the first time",
      .cash: "Keeps stock lean",
    ],
    kpis: [
      KPI(
        .revenue, "Same-day dispatch rate", "Orders that leave the same day are orders customers repeat.",
        TargetShape(">= {}%", 90...98), 30),
      KPI(
        .revenue, "Stock availability", "Products in stock are sales that are not lost to a competitor.",
        TargetShape(">= {}%", 95...99), 45),
      KPI(
        .margin, "Fulfilment cost per order",
        "Lower fulfilment cost per order raises gross margin on every sale.",
        TargetShape("< ${}", 4...7), 45),
      KPI(
        .margin, "Purchase price variance",
        "Buying below standard cost lifts gross margin when the stock is sold.",
        TargetShape("<= -{}%", 1...3), 60),
      KPI(
        .margin, "Warehouse picking accuracy", "Accurate picks avoid the returns that eat into margin.",
        TargetShape(">= {}%", 97...99), 30),
      KPI(
        .retention, "On-time delivery rate", "Orders that arrive on time keep customers from leaving.",
        TargetShape(">= {}%", 94...98), 30),
      KPI(
        .retention, "Order cycle time",
        "Faster orders keep customers coming back instead of shopping around.",
        TargetShape("< {} days", 2...4), 45),
      KPI(
        .retention, "Damaged delivery rate",
        "Fewer damaged deliveries mean fewer customers who give up on us.",
        TargetShape("< {}%", 1...3), 45),
      KPI(
        .promoter, "Delivery promise kept", "Customers who get what we promised recommend us to others.",
        TargetShape(">= {}%", 92...98), 30),
      KPI(
        .cash, "Inventory turns", "Faster turns free the cash that stock would otherwise hold.",
        TargetShape(">= {}x", 6...10), 60),
    ],
    activities: [
      ("Orders picked per hour", TargetShape(">= {} per hour", 40...90)),
      ("Cycle counts completed", TargetShape(">= {} per week", 5...20)),
      ("Carrier scorecards reviewed", TargetShape(">= {} per month", 2...6)),
      ("Safety walks done", TargetShape(">= {} per month", 4...8)),
      ("Dock-to-stock time", TargetShape("< {} hours", 4...12)),
      ("Supplier reviews held", TargetShape(">= {} per quarter", 3...10)),
    ],
    roles: [
      "Warehouse shift leads", "Inventory planners", "Transport planners", "Buyers", "Quality inspectors",
      "Returns team", "Dispatch coordinators", "Site engineers",
    ])

  static let marketing = Function(
    function: .marketing, name: "Marketing",
    contributions: [
      .revenue: "Generates qualified demand",
      .margin: "Builds the brand that lets us hold our prices",
      .retention: "Runs loyalty campaigns",
      .promoter: "Tells customers what to expect",
      .cash: "Spends where it pays back within the quarter",
    ],
    kpis: [
      KPI(
        .revenue, "Marketing qualified leads",
        "Qualified leads become pipeline that Sales converts into revenue.",
        TargetShape(">= {} per month", 300...600), 60),
      KPI(
        .revenue, "Lead to opportunity conversion",
        "Better leads turn into more opportunities for Sales to win.",
        TargetShape(">= {}%", 15...30), 45),
      KPI(
        .revenue, "Website conversion rate",
        "More visitors who buy means more revenue from the same traffic.",
        TargetShape(">= {}%", 2...4), 30),
      KPI(
        .margin, "Customer acquisition cost", "Cheaper customers leave more of their first order as margin.",
        TargetShape("< ${}", 80...150), 45),
      KPI(
        .margin, "Branded search share", "Customers who search for us by name buy without a discount.",
        TargetShape(">= {}%", 30...50), 60),
      KPI(
        .retention, "Loyalty programme engagement",
        "Engaged loyalty members renew more often, which lifts retention.",
        TargetShape(">= {}%", 25...45), 45),
      KPI(
        .retention, "Repeat purchase rate", "Customers who buy again within a season are customers who stay.",
        TargetShape(">= {}%", 30...50), 30),
      KPI(
        .retention, "Onboarding email engagement", "New customers who learn the product early stay longer.",
        TargetShape(">= {}%", 40...60), 45),
      KPI(
        .promoter, "Campaign promise accuracy",
        "Campaigns that promise what we deliver earn recommendations.",
        TargetShape(">= {}%", 90...98), 30),
      KPI(
        .cash, "Marketing payback period", "Campaigns that pay back quickly return cash within the quarter.",
        TargetShape("< {} months", 3...6), 60),
    ],
    activities: [
      ("Campaigns launched", TargetShape(">= {} per month", 2...6)),
      ("Landing page tests run", TargetShape(">= {} per month", 4...10)),
      ("Webinars hosted", TargetShape(">= {} per quarter", 2...6)),
      ("Articles published", TargetShape(">= {} per month", 4...12)),
      ("Email open rate", TargetShape(">= {}%", 25...40)),
      ("Partner co-marketing plans agreed", TargetShape(">= {} per quarter", 1...4)),
    ],
    roles: [
      "Demand generation team", "Content writers", "Lifecycle marketers", "Brand managers", "Web team",
      "Marketing analysts", "Events team", "Partner marketers",
    ])

  static let customerSuccess = Function(
    function: .customerSuccess, name: "Customer Success",
    contributions: [
      .revenue: "Finds expansion in existing accounts",
      .margin: "Solves problems before they become refunds",
      .retention: "Resolves issues at first contact",
      .promoter: "Follows up on every detractor",
      .cash: "Chases overdue renewals",
    ],
    kpis: [
      KPI(
        .revenue, "Expansion opportunities raised",
        "Expansion raised by account teams becomes upsell revenue next quarter.",
        TargetShape(">= {} per month", 10...30), 45),
      KPI(
        .margin, "Refund rate", "Fewer refunds keep the revenue we already earned as margin.",
        TargetShape("< {}%", 1...4), 30),
      KPI(
        .margin, "Cost per support contact", "Cheaper contacts leave more margin on every customer.",
        TargetShape("< ${}", 4...9), 45),
      KPI(
        .retention, "First contact resolution",
        "Issues solved at first contact keep customers from churning.",
        TargetShape(">= {}%", 70...85), 30),
      KPI(
        .retention, "Customer health score coverage",
        "Accounts we watch closely are accounts we save in time.",
        TargetShape(">= {}%", 80...95), 60),
      KPI(
        .retention, "Onboarding completion rate", "Customers who finish onboarding stay for the second year.",
        TargetShape(">= {}%", 75...90), 60),
      KPI(
        .retention, "Time to first response", "Quick answers stop small problems turning into cancellations.",
        TargetShape("< {} hours", 1...4), 30),
      KPI(
        .retention, "At-risk accounts with a save plan",
        "A save plan in place turns an at-risk account into a renewal.",
        TargetShape(">= {}%", 80...95), 45),
      KPI(
        .promoter, "Detractor follow-up rate",
        "Detractors we call back become the customers who recommend us.",
        TargetShape(">= {}%", 85...98), 30),
      KPI(
        .cash, "Overdue renewals chased", "Renewals chased before they lapse bring the cash in on time.",
        TargetShape(">= {}%", 90...99), 30),
    ],
    activities: [
      ("Health checks held", TargetShape(">= {} per month", 10...30)),
      ("Quarterly business reviews held", TargetShape(">= {} per quarter", 5...15)),
      ("Tickets resolved within SLA", TargetShape(">= {}%", 90...98)),
      ("Knowledge articles written", TargetShape(">= {} per month", 2...8)),
      ("Customer satisfaction score", TargetShape(">= {}%", 85...95)),
      ("Onboarding sessions run", TargetShape(">= {} per week", 3...10)),
    ],
    roles: [
      "Customer success managers", "Support agents", "Onboarding specialists", "Renewal managers",
      "Support team leads", "Technical account managers", "Community moderators", "Escalation engineers",
    ])

  static let product = Function(
    function: .product, name: "Product",
    contributions: [
      .revenue: "Ships the features customers pay more for",
      .margin: "Cuts the cost of serving each customer",
      .retention: "Fixes what makes customers leave",
      .promoter: "Builds what customers ask for",
      .cash: "Ships paid upgrades on schedule",
    ],
    kpis: [
      KPI(
        .revenue, "Trial to paid conversion", "Trials that convert become new recurring revenue.",
        TargetShape(">= {}%", 15...30), 45),
      KPI(
        .revenue, "Paid feature adoption", "Customers who use paid features upgrade their plans.",
        TargetShape(">= {}%", 20...40), 60),
      KPI(
        .margin, "Hosting cost per customer", "Cheaper hosting per customer lifts gross margin.",
        TargetShape("< ${} per month", 2...6), 60),
      KPI(
        .margin, "Self-service resolution share",
        "Problems customers solve themselves cost us nothing to serve.",
        TargetShape(">= {}%", 40...60), 45),
      KPI(
        .retention, "Weekly active accounts", "Accounts that use the product every week renew.",
        TargetShape(">= {}%", 60...80), 45),
      KPI(
        .retention, "Crash-free sessions", "A product that does not crash is a product customers keep.",
        TargetShape(">= {}%", 98...99), 30),
      KPI(
        .retention, "Critical bugs open past SLA", "Bugs fixed on time stop customers from giving up on us.",
        TargetShape("<= {}", 0...5), 30),
      KPI(
        .retention, "Feature release predictability",
        "Releases that land when promised keep customers committed.",
        TargetShape(">= {}%", 80...95), 60),
      KPI(
        .promoter, "Top-requested features shipped",
        "Shipping what customers ask for turns them into promoters.",
        TargetShape(">= {} per quarter", 2...6), 60),
      KPI(
        .cash, "Paid upgrades released on time", "Upgrades released on time start billing when forecast.",
        TargetShape(">= {}%", 80...95), 45),
    ],
    activities: [
      ("User interviews held", TargetShape(">= {} per month", 4...12)),
      ("Experiments shipped", TargetShape(">= {} per month", 2...8)),
      ("Deployment frequency", TargetShape(">= {} per week", 3...15)),
      ("Code review turnaround", TargetShape("< {} hours", 4...24)),
      ("Pull requests merged", TargetShape(">= {} per week", 10...40)),
      ("Incidents reviewed", TargetShape(">= {}%", 90...100)),
    ],
    roles: [
      "Product managers", "Backend engineers", "Frontend engineers", "Designers", "QA engineers",
      "Platform engineers", "Data analysts", "Mobile engineers",
    ])

  static let finance = Function(
    function: .finance, name: "Finance",
    contributions: [
      .revenue: "Prices new offers with Sales",
      .margin: "Negotiates supplier terms",
      .retention: "Bills customers correctly the first time",
      .promoter: "Makes invoices easy to understand",
      .cash: "Collects what customers owe on time",
    ],
    kpis: [
      KPI(
        .revenue, "Pricing approvals within two days",
        "Quick pricing approvals stop deals slipping to the next quarter.",
        TargetShape(">= {}%", 85...98), 30),
      KPI(
        .margin, "Supplier spend under contract",
        "Spend under contract is bought at the prices that protect margin.",
        TargetShape(">= {}%", 70...90), 60),
      KPI(
        .margin, "Cost variance to budget", "Costs held to budget leave the planned margin intact.",
        TargetShape("<= {}%", 2...5), 45),
      KPI(
        .margin, "Margin reviews of new products",
        "Products reviewed before launch are priced for their margin.",
        TargetShape(">= {}%", 90...100), 60),
      KPI(
        .retention, "Invoice accuracy", "Correct invoices spare customers the disputes that drive them away.",
        TargetShape(">= {}%", 97...99), 30),
      KPI(
        .retention, "Billing disputes resolved within five days",
        "Disputes settled quickly keep customers on good terms.",
        TargetShape(">= {}%", 85...95), 30),
      KPI(
        .retention, "Renewal quotes issued early",
        "Quotes issued early give customers time to renew without friction.",
        TargetShape(">= {}%", 85...95), 60),
      KPI(
        .retention, "Payment failures recovered",
        "Recovered payments keep subscriptions that would otherwise lapse.",
        TargetShape(">= {}%", 60...80), 30),
      KPI(
        .promoter, "Invoice queries per hundred invoices",
        "Clear invoices leave customers nothing to complain about.",
        TargetShape("< {}", 2...5), 30),
      KPI(
        .cash, "Days sales outstanding", "Collecting sooner turns revenue into cash within the quarter.",
        TargetShape("< {} days", 35...50), 45),
    ],
    activities: [
      ("Month-end close time", TargetShape("< {} days", 3...6)),
      ("Overdue invoices chased", TargetShape(">= {}%", 90...100)),
      ("Supplier contracts renegotiated", TargetShape(">= {} per quarter", 2...8)),
      ("Forecast variance", TargetShape("<= {}%", 2...5)),
      ("Expense reports processed within a week", TargetShape(">= {}%", 90...99)),
      ("Credit checks completed", TargetShape(">= {}%", 95...100)),
    ],
    roles: [
      "Accounts receivable team", "Financial planners", "Procurement specialists", "Billing specialists",
      "Controllers", "Payroll team", "Treasury analysts", "Pricing analysts",
    ])

  static let people = Function(
    function: .hr, name: "People",
    contributions: [
      .revenue: "Hires sellers before the season starts",
      .margin: "Keeps hiring costs down",
      .retention: "Keeps experienced staff in customer roles",
      .promoter: "Trains staff to put customers first",
      .cash: "Plans headcount to the cash forecast",
    ],
    kpis: [
      KPI(
        .revenue, "Quota-carrying roles filled",
        "Filled sales roles are the capacity next quarter's revenue needs.",
        TargetShape(">= {}%", 90...100), 60),
      KPI(
        .revenue, "Time to productivity for new sellers", "Sellers who ramp faster close revenue sooner.",
        TargetShape("< {} days", 60...90), 60),
      KPI(
        .margin, "Cost per hire", "Cheaper hiring keeps overheads from eating into margin.",
        TargetShape("< ${}", 3000...6000), 45),
      KPI(
        .margin, "Overtime hours share", "Less overtime lowers the cost of every order we ship.",
        TargetShape("< {}%", 3...8), 30),
      KPI(
        .retention, "Regretted attrition in customer roles",
        "Experienced staff keep customer relationships intact.",
        TargetShape("< {}%", 5...10), 60),
      KPI(
        .retention, "Engagement score in customer teams",
        "Engaged teams serve customers well enough that they stay.",
        TargetShape(">= {}%", 70...85), 60),
      KPI(
        .retention, "Open customer-facing roles",
        "Fully staffed customer teams answer customers before they leave.",
        TargetShape("<= {}", 2...8), 45),
      KPI(
        .retention, "Training completion in customer roles",
        "Trained staff solve the problems that make customers leave.",
        TargetShape(">= {}%", 85...98), 45),
      KPI(
        .promoter, "Service training completion",
        "Staff trained in service earn the scores customers give us.",
        TargetShape(">= {}%", 85...98), 45),
      KPI(
        .cash, "Headcount to plan", "Hiring to plan keeps payroll inside the cash forecast.",
        TargetShape("<= {}%", 1...4), 30),
    ],
    activities: [
      ("Interviews scheduled within a week", TargetShape(">= {}%", 80...95)),
      ("Offers accepted", TargetShape(">= {}%", 80...92)),
      ("One-to-ones held", TargetShape(">= {}%", 85...100)),
      ("Exit interviews held", TargetShape(">= {}%", 80...100)),
      ("Onboarding plans ready on day one", TargetShape(">= {}%", 90...100)),
      ("Training hours per employee", TargetShape(">= {} per quarter", 6...16)),
    ],
    roles: [
      "Recruiters", "HR business partners", "Learning team", "Payroll administrators", "Talent sourcers",
      "People analysts", "Onboarding coordinators", "Compensation analysts",
    ])
}
