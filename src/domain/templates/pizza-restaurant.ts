import { idea, kpi, owner, pain, type TemplateSpec, tp } from "./spec.ts";

/** A restaurant visit from first hearing about the place to coming back (PRODUCT.md §5). */
export const pizzaRestaurant: TemplateSpec = {
  id: "pizza-restaurant",
  title: "Pizza restaurant visit",
  kind: "current_state",
  description:
    "One guest's visit to a neighbourhood pizzeria, from a friend's tip to the promo email that brings her back. " +
    "A compact example of a full current-state map with a persona, phases, pain points and ideas.",
  tags: ["restaurant", "hospitality", "b2c", "example"],
  goal: {
    statement:
      "Turn first-time guests into regulars by making the place easy to find and safe to order from.",
    metric: "Share of first-time guests who return within 60 days",
    target: "from 18 % to 30 %",
  },
  scope: {
    start: "A friend mentions the pizzeria",
    end: "The guest books a second visit after the promo email",
    scenario:
      "A health-conscious guest with a peanut allergy tries the restaurant for the first time, alone.",
  },
  phases: [
    { name: "Before the visit", color: "#cfe2ff" },
    { name: "At the restaurant", color: "#ffe5b4" },
    { name: "After the visit", color: "#d1f2d9" },
  ],
  stages: [
    {
      name: "Aware",
      phase: "Before the visit",
      description: "Hears about the pizzeria from people she trusts.",
    },
    {
      name: "Research",
      phase: "Before the visit",
      description: "Checks whether the place is worth a visit.",
    },
    {
      name: "Arrival",
      phase: "At the restaurant",
      description: "Finds the restaurant, parks and gets a table.",
    },
    {
      name: "Order",
      phase: "At the restaurant",
      description: "Chooses from the menu and waits.",
      moment: true,
    },
    { name: "Eat", phase: "At the restaurant", description: "Is served and eats." },
    { name: "Leave", phase: "At the restaurant", description: "Pays the waiter and goes home." },
    { name: "Feedback", phase: "After the visit", description: "Shares what she thought online." },
    {
      name: "Return",
      phase: "After the visit",
      description: "A promo email with a discount invites her back.",
    },
  ],
  personas: [
    {
      name: "Eva Moline",
      age: 29,
      role: "Journalist",
      location: "City centre, works from home two days a week",
      quote: "I love a good pizza — I just need to know exactly what is on it.",
      background:
        "Writes for a regional news site and eats out a few times a month, often with colleagues after a deadline. " +
        "She lives a healthy lifestyle and has a peanut allergy, so every new restaurant starts with a question about ingredients. " +
        "She uses her phone for messages and maps but has little patience for apps and sign-ups.",
      personalGoals: [
        "Find a reliable place for a relaxed dinner",
        "Eat well without worrying about her allergy",
      ],
      professionalGoals: ["Have a quiet spot to unwind after deadlines"],
      needs: [
        "Clear ingredient and allergen information",
        "Easy directions and parking",
        "Friendly, unhurried service",
      ],
      motivations: ["Loves pizza", "Enjoys recommending good places to friends"],
      frustrations: [
        "Menus that hide ingredients",
        "Hard-to-find entrances",
        "Having to ask staff the same question twice",
      ],
      preferredChannels: ["word_of_mouth", "social", "review_sites"],
      techSavviness: 2,
      purchaseFrequency: "Eats out 3–4 times a month",
      decisionDrivers: ["Recommendations from friends", "Allergen safety", "Fresh, healthy ingredients"],
      values: ["Health", "Honesty", "Local businesses"],
      currentSolutions: ["Sticks to two restaurants she already trusts", "Calls ahead to ask about peanuts"],
      segment: "Health-conscious casual diners",
      curve: [
        [1, "Curious after a friend's enthusiastic tip"],
        [-1, "Hardly any reviews or menu details online"],
        [-2, "Drives around twice before spotting the entrance"],
        [-2, "Menu lists no ingredients; has to quiz the waiter about peanuts"],
        [3, "The pizza is excellent and the waiter checked the kitchen for her"],
        [1, "Paying is quick, though she waited to get the bill"],
        [2, "Posts a photo and a warm review on Instagram"],
        [2, "The discount email makes coming back an easy choice"],
      ],
    },
  ],
  lanes: [
    {
      type: "actions",
      name: "What Eva does",
      cells: [
        "Asks friends where to get a good pizza nearby",
        ["Searches the name on Google Maps", "Reads the few online reviews"],
        ["Looks for parking", "Waits at the door to be seated"],
        ["Reads the menu", "Asks about peanuts", "Orders and waits"],
        "Is served and eats",
        "Asks for the bill and pays the waiter",
        "Writes a short review on the website and posts on Instagram",
        "Opens the promo email and books a table",
      ],
    },
    {
      type: "thoughts",
      cells: [
        "“If Marta likes it, it's probably good.”",
        "“Three reviews and no menu — is this place still open?”",
        "“Where is the entrance? I've passed it twice.”",
        ["“Does the pesto have nuts in it?”", "“Where is the restroom?”"],
        "“This is the best crust I've had in months.”",
        "“I'd come back — with friends next time.”",
        "“Other people with allergies should know they were careful.”",
        "“A discount? Then Friday it is.”",
      ],
    },
    { type: "emotion" },
    {
      type: "touchpoints",
      cells: [
        tp("Recommendation from friends", "word_of_mouth", "Marketing"),
        [tp("Google Maps search", "web", "Marketing"), tp("Online reviews", "review_sites", "Marketing")],
        [
          tp("Finding parking and the entrance", "in_store", "Operations"),
          tp("Being greeted and seated", "in_store", "Front of house"),
        ],
        tp("Ordering from the waiter and waiting", "in_store", "Front of house"),
        tp("Being served at the table", "in_store", "Kitchen"),
        tp("Paying the waiter", "in_store", "Front of house"),
        [
          tp("Review form on the website", "web", "Marketing"),
          tp("Instagram post and tag", "social", "Marketing"),
        ],
        tp("Promo email with a discount", "email", "Marketing", { frequency: "monthly" }),
      ],
    },
    {
      type: "pain_points",
      cells: {
        Research: pain(
          "info",
          "Little information online and only a handful of reviews",
          "workaround",
          0.6,
          "Marketing",
          60,
        ),
        Arrival: pain(
          "signage",
          "Unclear signage makes the restaurant hard to find",
          "workaround",
          0.45,
          "Operations",
          45,
        ),
        Order: [
          pain(
            "allergens",
            "The menu has no detailed ingredients, so guests with allergies cannot order safely",
            "abandon",
            0.2,
            "Head chef",
            30,
          ),
          pain(
            "restroom",
            "The restroom is hard to find while waiting for the food",
            "trivial",
            0.3,
            "Operations",
            30,
          ),
        ],
      },
    },
    {
      type: "ideas",
      cells: {
        Research: idea(
          "Complete the Google Business profile with photos and the full menu; ask happy guests for reviews",
          ["info"],
          "low",
          true,
        ),
        Arrival: idea(
          "Add a lit sign at the street corner and parking directions to the maps listing",
          ["signage"],
          "medium",
        ),
        Order: [
          idea("Print ingredients and the 14 major allergens next to every dish", ["allergens"], "low", true),
          idea("Place clear restroom signs visible from every table", ["restroom"], "low", true),
        ],
      },
    },
    {
      type: "goals",
      name: "What Eva wants",
      cells: [
        "A trustworthy tip",
        "Enough detail to decide without calling",
        "Arrive without stress",
        "Order something safe and tasty",
        "Enjoy the meal",
        "Leave without waiting for the bill",
        "Share a good find",
        "A reason to come back soon",
      ],
    },
    {
      type: "kpis",
      cells: {
        Research: kpi("Google Maps profile views", 420, 900, "/month", "Google Business Profile"),
        Order: kpi("Orders with an allergen question", 22, 5, "%", "Waiter tally"),
        Feedback: kpi("Average review rating", 4.1, 4.6, "stars", "Google reviews"),
        Return: kpi("Promo email redemption", 6, 12, "%", "Booking system"),
      },
    },
    {
      type: "ownership",
      cells: [
        owner("Marketing"),
        owner("Marketing"),
        owner("Operations"),
        owner("Front of house"),
        owner("Kitchen"),
        owner("Front of house"),
        owner("Marketing"),
        owner("Marketing"),
      ],
    },
  ],
};
