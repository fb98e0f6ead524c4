import { idea, kpi, pain, type TemplateSpec, tp } from "./spec.ts";

/** The life cycle of a mobile app on one phone: discover, install, use, delete. */
export const mobileApp: TemplateSpec = {
  id: "mobile-app",
  title: "Mobile app life cycle",
  kind: "user_journey",
  description:
    "A habit-tracking app from the store listing to the moment it is deleted. Four stages keep the map small; " +
    "split “Use” into steps when you know where people drop off.",
  tags: ["mobile", "app", "retention", "b2c"],
  goal: {
    statement: "Keep new users past the first week by getting them to a first streak quickly.",
    metric: "Day-30 retention",
    target: "from 11 % to 20 %",
  },
  scope: {
    start: "The user sees the app in a store ranking",
    end: "The user deletes the app (or keeps it after 30 days)",
    scenario: "A student wants to build a daily reading habit.",
  },
  stages: [
    { name: "Discover", description: "Finds the app and decides to try it." },
    { name: "Install", description: "Downloads, opens and signs up." },
    { name: "Use", description: "Tracks habits in the first weeks.", moment: true },
    { name: "Delete", description: "Stops using it and removes it." },
  ],
  personas: [
    {
      name: "Jun Park",
      age: 22,
      role: "University student",
      location: "Shared flat near campus",
      quote: "If it nags me or wants my data, it's gone.",
      background:
        "Studies engineering and tries a lot of apps. Installs quickly and deletes just as quickly when an app " +
        "wastes time or pushes a subscription too early. Phone storage is always nearly full.",
      personalGoals: ["Read 20 minutes a day", "Less doom-scrolling"],
      needs: ["Fast set-up", "Gentle reminders", "Free core features"],
      motivations: ["Self-improvement", "Streaks and small wins"],
      frustrations: ["Paywalls on day one", "Too many notifications", "Mandatory accounts"],
      preferredChannels: ["mobile_app", "social", "review_sites"],
      techSavviness: 5,
      purchaseFrequency: "Pays for an app once or twice a year",
      decisionDrivers: ["Ratings", "Screenshots", "Price"],
      values: ["Autonomy", "Privacy"],
      currentSolutions: ["Phone reminders", "A paper checklist"],
      segment: "Students and young professionals",
      curve: [
        [1, "Good ratings and clean screenshots"],
        [-1, "Sign-up asks for too much before showing anything"],
        [1, "Enjoys the first streak, then reminders become noisy"],
        [-2, "Paywall on statistics plus storage warning: deletes it"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      cells: [
        ["Sees the app in a top-10 list", "Reads reviews and screenshots"],
        ["Downloads", "Creates an account", "Allows notifications"],
        ["Logs reading daily", "Checks the streak", "Gets reminders"],
        ["Ignores reminders", "Hits a paywall", "Deletes the app"],
      ],
    },
    {
      type: "thoughts",
      cells: [
        "“Looks simple, let's try.”",
        "“Why do you need my birthday?”",
        "“Day 5 — I'm actually doing it.”",
        "“Not paying just to see a chart.”",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        [tp("App store listing", "mobile_app", "Growth"), tp("Social media clip", "social", "Marketing")],
        tp("Onboarding screens", "mobile_app", "Product"),
        [
          tp("Daily log screen", "mobile_app", "Product", { frequency: "daily" }),
          tp("Push reminders", "mobile_app", "Lifecycle marketing"),
        ],
        tp("Paywall and uninstall survey", "mobile_app", "Monetisation"),
      ],
    },
    {
      type: "pain_points",
      cells: {
        Install: pain(
          "signup",
          "Account and profile questions before any value is shown",
          "abandon",
          0.35,
          "Product",
          30,
        ),
        Use: pain(
          "noise",
          "Reminders are too frequent and not tied to the user's routine",
          "workaround",
          0.5,
          "Lifecycle marketing",
          45,
        ),
        Delete: pain(
          "paywall",
          "Basic statistics sit behind a paywall in week one",
          "abandon",
          0.4,
          "Monetisation",
          60,
        ),
      },
    },
    {
      type: "ideas",
      cells: {
        Install: idea("Let people log a first habit before creating an account", ["signup"], "medium", true),
        Use: idea(
          "Ask for the preferred reminder time and back off after two ignored reminders",
          ["noise"],
          "low",
          true,
        ),
        Delete: idea("Keep weekly statistics free; sell long-term insights instead", ["paywall"], "medium"),
      },
    },
    {
      type: "kpis",
      cells: [
        kpi("Store page conversion", 28, 35, "%", "App store console"),
        kpi("Onboarding completion", 54, 75, "%", "Product analytics"),
        kpi("Day-7 retention", 24, 35, "%", "Product analytics"),
        kpi("Day-30 retention", 11, 20, "%", "Product analytics"),
      ],
    },
  ],
};
