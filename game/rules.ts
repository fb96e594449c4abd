/**
 * Every number the rules use. The reference rulebook (docs/rulebook.md) quotes each one in its
 * "Numbers" table, the player's RULES.md is written from them, and a test
 * (tests/rulebook.test.ts) fails when they disagree.
 */
export const RULES = {
  // The map
  mwPerPod: 100,
  // Tension (escalation track)
  tensionMax: 10,
  tensionRetaliationAt: 7,
  tensionAfterRetaliation: 4,
  tensionDecayPerRound: 1,
  retaliationVendorLoss: 3,
  retaliationPcLoss: 2,
  // Regulator
  tightenPc: 3,
  tightenDelay: 1,
  tightenTension: 2,
  maxControlLevel: 3,
  licencePc: 2,
  licenceDelay: 1,
  licenceStandingLoss: 2,
  licenceTension: 1,
  listPc: 1,
  listTension: 1,
  checkPc: 1,
  checkBase: 60,
  checkPerHeat: 5,
  checkPermitBonus: 15,
  checkLicenceBonus: 15,
  checkLowStandingPenalty: 15,
  lowStanding: 3,
  alertPc: 1,
  alertBonus: 15,
  pressPc: 1,
  pressStandingLoss: 1,
  kycPc: 2,
  kycDelay: 1,
  kycDetectBase: 10,
  kycDetectPerHeat: 2,
  // Vendor
  vendorIncome: 4,
  chinaEditionIncome: 2,
  shipRevenuePerPod: 3,
  shipLicencedRevenuePerPod: 2,
  shipMaxPods: 3,
  shipLicencedMaxPods: 1,
  shipDelay: 1,
  designCost: 4,
  designDelay: 2,
  lobbyCost: 1,
  lobbyDelayRounds: 2,
  auditCost: 2,
  auditBase: 35,
  auditPerHeat: 5,
  fineUnaudited: 4,
  /** A rise of at least this many pods in a hub's utilisation reading is a public red flag. */
  redFlagRise: 2,
  /** A seizure or customs notice in a hub stays a red flag this many rounds. */
  redFlagRounds: 3,
  generationCost: 8,
  generationDelay: 3,
  generationFrontier: 1,
  generationIncome: 2,
  // AI firm
  prepareCost: 2,
  prepareTB: 40,
  maxPerCarrierTB: 40,
  /** Couriers carry data in sets of drives of this many TB. */
  courierStepTB: 20,
  carrierCost: 1,
  maxCarriers: 4,
  customsLax: 2,
  customsStandard: 5,
  customsStrict: 10,
  customsPermitBonus: 5,
  /** Per-carrier inspection chance rises with the square of its load: +N% at a full 40 TB. */
  customsLoadAtFull: 60,
  customsPerHeat: 2,
  /** Chance customs log a courier trip they do not stop, plus this much per extra carrier. */
  noticeBase: 15,
  noticePerCarrier: 10,
  registerCost: 3,
  registerPermitCost: 5,
  registerPermitHeat: 1,
  leaseUpfrontPerPod: 2,
  rentPerPod: 1,
  fundRentDiscountPct: 50,
  maxLeasePods: 4,
  trainCost: 2,
  trainMinTB: 10,
  trainRounds: 2,
  tbPerCapability: 40,
  carryCost: 1,
  carryRiskPct: 25,
  domesticCost: 5,
  domesticCompute: 5,
  compliantCost: 4,
  compliantCompute: 8,
  smuggleCost: 4,
  smuggleRisk: 25,
  smuggleCompute: 10,
  smuggleHeat: 3,
  detectedHeat: 2,
  seizedHeatPerCarrier: 1,
  heatDecayPerRound: 1,
  heatMax: 10,
  // Hub government
  hubBaseIncome: 3,
  hubRentSharePerPods: 2,
  buildCost: 3,
  buildMW: 100,
  buildDelay: 1,
  buildInvestment: 2,
  permitDelay: 1,
  permitStandingGain: 3,
  permitRevokeStandingLoss: 2,
  strictStandingGain: 1,
  laxStandingLoss: 1,
  fundCost: 2,
  fundPods: 2,
  fundInvestment: 3,
  fundStandingLoss: 1,
  /** Every this many pods leased in the hubs (by anyone) add one to investment each round. */
  leaseInvestmentPerPods: 3,
  /** Adopting a permit regime costs the hub government this much: a licensing office, trained customs staff. */
  permitCost: 2,
  exposedStandingLoss: 1,
  /** At the end, the hubs lose this much investment per capability point of models trained unseen on their servers. */
  reckoningInvestmentPerPoint: 4,
  pressureStandingLossPerRound: 1,
  // Frontier
  frontierStep: 1,
  // Dice and calendar
  chanceCap: 95,
  chanceFloor: 5,
  alertRounds: 2,
  computePerPod: 10,
  roundsPerYear: 4,
  listHeat: 1,
  // Home compute trails the frontier
  /** A model trained at home can lift capability at most to the frontier less this gap. */
  homeGap: 2,
  /** Smuggled pods lift the home ceiling by at most this much: smuggling moves small volumes. */
  maxSmuggledLift: 1,
  // The market behind the public signals
  /** Share of a hub's servers ordinary cloud customers rent at the start, in percent. */
  ordinaryStartPct: 34,
  ordinaryGrowPct: 20,
  ordinaryShrinkPct: 10,
  /** The public demand reading is off by up to this many pods either way. */
  demandNoise: 1,
  /** Under the cloud KYC rule: chance a hub where a firm leases is flagged to the regulator. */
  kycFlagPct: 60,
  /** … and that a hub with only ordinary customers is flagged anyway (a false lead). */
  kycFalseFlagPct: 10,
  // Revenue-share licences for China-edition chips
  revenueShareCost: 1,
  revenueShareIncome: 2,
  revenueSharePc: 1,
  // Cards
  handLimit: 2,
  /** Cards are dealt every this many rounds, starting with the first. */
  dealEvery: 2,
  cardCapital: 2,
} as const;

export type RuleNumber = keyof typeof RULES;
