import type { EffectOp } from '../../../game/events/types';
import type { PlayingRole } from '../../../game/ids';

/**
 * The words the rulebook puts next to each number. A RULES key without a meaning here makes
 * `npm run rules -- --check` and tests/rulebook.test.ts fail, so a new number is never silent.
 */
export const RULE_MEANINGS: Record<string, string> = {
  mwPerPod: 'Data-centre capacity (MW) one pod of servers needs.',
  tensionMax: 'Highest tension.',
  tensionRetaliationAt: 'Tension at which China retaliates in the resolution.',
  tensionAfterRetaliation: 'Tension right after a retaliation.',
  tensionDecayPerRound: 'Tension lost in each resolution without a retaliation.',
  retaliationVendorLoss: 'Cash the vendor loses to a retaliation.',
  retaliationPcLoss: 'Political capital the regulator loses to a retaliation.',
  tightenPc: 'Political capital to tighten chip controls.',
  tightenDelay: 'Rounds before tighter controls take effect.',
  tightenTension: 'Tension added by tightening controls.',
  maxControlLevel: 'Highest control level.',
  licencePc: 'Political capital to require licences for a hub.',
  licenceDelay: 'Rounds before a licence requirement takes effect.',
  licenceStandingLoss: 'Standing the hub loses when licences are extended to it.',
  licenceTension: 'Tension added by extending licences.',
  listPc: 'Political capital to put an exposed entity on the Entity List.',
  listTension: 'Tension added by each listing.',
  checkPc: 'Political capital for an end-use check.',
  checkBase: 'Base chance (%) that an end-use check finds a hidden entity.',
  checkPerHeat: "Extra end-use-check chance (%) per point of the firm's heat.",
  checkPermitBonus: 'Extra end-use-check chance (%) in a hub with a permit regime.',
  checkLicenceBonus:
    'Extra end-use-check chance (%) in a hub whose top-chip exports need a licence.',
  checkLowStandingPenalty: 'End-use-check chance (%) lost in a hub whose standing is low.',
  lowStanding: 'Standing below this is low (end-use checks work less well there).',
  alertPc: 'Political capital for a customs alert.',
  alertBonus: 'Extra customs chance (%) per carrier while an alert is in force.',
  pressPc: 'Political capital to press a hub government.',
  pressStandingLoss: 'Standing the pressed hub loses at once.',
  kycPc: 'Political capital for the cloud know-your-customer rule.',
  kycDelay: 'Rounds before the know-your-customer rule takes effect.',
  kycDetectBase: 'Base chance (%) per lease per round that screening exposes it.',
  kycDetectPerHeat: "Extra screening chance (%) per point of the firm's heat.",
  vendorIncome: 'Vendor base income each round.',
  chinaEditionIncome: 'Vendor income each round while its China edition meets the current rules.',
  shipRevenuePerPod: 'Vendor revenue per pod shipped, paid when the servers arrive.',
  shipLicencedRevenuePerPod: 'Revenue per pod when the hub needs licences.',
  shipMaxPods: 'Most pods in one shipment.',
  shipLicencedMaxPods: 'Most pods in one shipment to a hub that needs licences.',
  shipDelay: 'Rounds before shipped servers arrive.',
  designCost: 'Cash to design a China-edition chip.',
  designDelay: 'Rounds to design a China-edition chip.',
  lobbyCost: 'Cash to hire lobbyists against the next tighter controls or licence requirement.',
  lobbyDelayRounds:
    'Rounds lobbyists push back a tightening or licence requirement announced while they are on retainer.',
  auditCost: 'Cash to audit distributors in a hub.',
  auditBase: 'Base chance (%) that an audit finds a hidden entity.',
  auditPerHeat: "Extra audit chance (%) per point of the firm's heat.",
  fineUnaudited:
    'Fine on the vendor when an entity is exposed in a hub that showed a red flag and that it has not audited this year.',
  redFlagRise:
    "A rise of at least this many pods in a hub's utilisation reading is a red flag the vendor must not ignore.",
  redFlagRounds: 'Rounds a seizure or customs notice in a hub stays a red flag.',
  generationCost: 'Cash to launch a new chip generation.',
  generationDelay: 'Rounds before a new generation ships.',
  generationFrontier: 'How far a new generation moves the frontier.',
  generationIncome: 'Extra vendor income each round per generation launched.',
  prepareCost: 'Cash to prepare a batch of data.',
  prepareTB: 'TB in one batch of prepared data.',
  maxPerCarrierTB: 'Most TB one carrier can take (and the load at which a bag counts as full).',
  carrierCost: 'Cash per carrier on a courier trip.',
  maxCarriers: 'Most carriers on one courier trip.',
  customsLax: 'Base customs chance (%) per carrier where customs are lax.',
  customsStandard: 'Base customs chance (%) per carrier where customs are standard.',
  customsStrict: 'Base customs chance (%) per carrier where customs are strict.',
  customsPermitBonus: 'Extra customs chance (%) in a hub with a permit regime.',
  customsLoadAtFull:
    'Extra customs chance (%) for a full bag; it scales with the square of the load.',
  customsPerHeat: "Extra customs and smuggling chance (%) per point of the firm's heat.",
  registerCost: 'Cash to register a local entity.',
  registerPermitCost: 'Cash to register a local entity in a hub with a permit regime.',
  registerPermitHeat: 'Heat from registering in a hub with a permit regime.',
  leaseUpfrontPerPod: 'Cash per pod when a lease is signed.',
  rentPerPod: 'Rent per leased pod each round.',
  fundRentDiscountPct: 'Rent (% of normal, rounded up) in a hub with a leasing fund.',
  maxLeasePods: 'Most pods one firm may lease in one hub.',
  trainCost: 'Cash to start a training run.',
  trainMinTB: 'Least data (TB) at the site to start a training run.',
  trainRounds: 'Rounds a training run takes, counting the round it starts.',
  tbPerCapability: 'TB of used data per point of capability a training adds.',
  carryCost: 'Cash to carry trained weights home.',
  carryRiskPct: 'Carrying weights home faces this % of the usual customs chance.',
  domesticCost: 'Cash for a batch of domestic accelerators.',
  domesticCompute: 'Home compute from domestic accelerators (tenths of a pod).',
  compliantCost: 'Cash for a batch of China-edition chips (paid to the vendor).',
  compliantCompute: 'Home compute from China-edition chips (tenths of a pod).',
  smuggleCost: 'Cash for a smuggling attempt.',
  smuggleRisk: 'Base chance (%) that smuggling is caught, before customs and heat.',
  smuggleCompute: 'Home compute from a smuggled pod (tenths of a pod).',
  smuggleHeat: 'Heat from a caught smuggling attempt.',
  detectedHeat: 'Heat when one of your entities is exposed.',
  seizedHeatPerCarrier: 'Heat per carrier stopped by customs.',
  heatDecayPerRound: 'Heat each firm loses in each resolution.',
  heatMax: 'Highest heat.',
  hubBaseIncome: "The hub governments' cash income each round before rent shares.",
  hubRentSharePerPods:
    'The hub government earns one more cash a round per this many pods leased across all hubs.',
  buildCost: 'Cash to build capacity in a hub.',
  buildMW: 'MW one build adds.',
  buildDelay: 'Rounds before new capacity is ready.',
  buildInvestment: 'Investment from starting a build.',
  permitDelay: 'Rounds of notice before a permit regime takes effect.',
  permitStandingGain: 'Standing a hub gains when its permit regime takes effect.',
  permitRevokeStandingLoss: 'Standing a hub loses when it drops its permit regime.',
  strictStandingGain: 'Standing per step of stricter customs.',
  laxStandingLoss: 'Standing lost per step of laxer customs.',
  fundCost: 'Cash to invite a leasing fund.',
  fundPods: 'Pods of servers a leasing fund installs.',
  fundInvestment: 'Investment from a leasing fund.',
  fundStandingLoss: 'Standing a hub loses when it invites a leasing fund.',
  leaseInvestmentPerPods:
    'Each round, the hub government gains one investment per this many pods rented across all hubs (by anyone).',
  permitCost: 'Cash the hub government pays to adopt a permit regime in a hub.',
  reckoningInvestmentPerPoint:
    'Investment the hubs lose at the end per capability point of models trained unseen on their servers.',
  exposedStandingLoss:
    'Standing a hub without a permit regime loses when an entity there is exposed.',
  pressureStandingLossPerRound:
    'Standing a pressed hub loses each round until it adopts a permit regime.',
  frontierStep: 'How far the frontier moves on its schedule.',
  chanceCap: 'No roll succeeds more often than this (%).',
  chanceFloor: 'An end-use check always has at least this chance (%).',
  alertRounds: 'Rounds a customs alert lasts (this one and the next).',
  computePerPod: 'Tenths of compute that make one pod at home (domestic chips give half a pod).',
  roundsPerYear: 'Rounds in a year: the annual review comes every this many rounds.',
  listHeat: 'Heat a firm gains when one of its entities is listed.',
  courierStepTB: 'Couriers carry data in sets of drives of this many TB.',
  noticeBase:
    'Chance (%) that customs log a courier trip they let through, as a public notice of many drives.',
  noticePerCarrier: 'Extra chance (%) of such a notice for every carrier beyond the first.',
  homeGap:
    'A model trained at home lifts capability at most to the frontier less this gap (see maxSmuggledLift).',
  maxSmuggledLift: 'Smuggled pods at home narrow the home gap by one each, up to this many in all.',
  ordinaryStartPct:
    "Share (%) of a hub's installed servers ordinary cloud customers rent at the start.",
  ordinaryGrowPct:
    'Chance (%) each round that ordinary demand in a hub with idle servers grows by one pod.',
  ordinaryShrinkPct: 'Otherwise, chance (%) that ordinary demand in a hub shrinks by one pod.',
  demandNoise: 'The public demand reading of a hub is off by up to this many pods either way.',
  kycFlagPct:
    'Under the cloud KYC rule, chance (%) that the regulator is privately told of a hub where a firm leases.',
  kycFalseFlagPct:
    'Under the cloud KYC rule, chance (%) that a hub with only ordinary customers is flagged anyway.',
  revenueShareCost: 'Cash the vendor pays its lawyers to apply for a revenue-share licence.',
  revenueShareIncome:
    'Cash the vendor earns each round from China-edition sales under a granted revenue-share licence.',
  revenueSharePc: 'Political capital the regulator earns each round from a granted revenue share.',
  handLimit: 'Most event cards a seat may hold; a deal into a full hand lets the oldest go.',
  dealEvery: 'Cards are dealt every this many rounds, starting with the first.',
  cardCapital:
    'A card played for capital pays this much: political capital to the regulator, cash to anyone else.',
};

/** Numbers fixed in the engine's code rather than in RULES; measured by running the engine. */
export const ENGINE_MEANINGS: Record<string, string> = {
  standingMax: 'Highest standing of a hub.',
  standingMin: 'Lowest standing of a hub.',
  firstReviewRound: 'The first annual review opens this round.',
};

/** What each kind of card effect does, in a player's words. Complete by construction. */
export const EFFECT_MEANINGS: Record<EffectOp['op'], string> = {
  pc: "Changes the regulator's political capital (never below zero).",
  tension: 'Changes tension (within its range).',
  controlLevel: 'Changes the control level at once (within its range), without a delay.',
  kyc: 'Puts the cloud know-your-customer rule in force, or lifts it.',
  licence: 'Makes top-chip exports to a hub need a licence, or lifts it.',
  permit: 'Gives a hub a permit regime (ending any pressure on it), or removes it.',
  customs: "Sets a hub's customs posture.",
  standing: "Changes one hub's standing, or every hub's.",
  capacity: "Changes a hub's data-centre capacity (MW) at once.",
  servers: 'Adds pods of servers to a hub, as far as its capacity allows.',
  vendorCash: "Changes the vendor's cash (never below zero).",
  vendorTarget:
    "Analysts revise the vendor's guidance: its cash target moves (never below zero). News the market has priced in neither sinks nor saves the vendor alone.",
  vendorTargetPerRound:
    "Moves the vendor's cash target by the amount for each round left, this one included (never below zero): a rule that cuts sales for good costs more the earlier it comes.",
  compliantObsolete: "The vendor's China-edition chip on sale no longer meets the rules.",
  hubCash: "Changes the hub government's cash (never below zero).",
  investment: "Changes the hub government's investment (never below zero).",
  firmCash: "Changes every AI firm's cash (never below zero).",
  firmHeat: "Changes every AI firm's heat (within its range).",
  firmCapability: "Changes every AI firm's capability (never below zero).",
  frontier: 'Moves the frontier.',
  alert: 'A customs alert at a hub for this round.',
};

export const ROLE_NAMES: Record<PlayingRole, string> = {
  regulator: 'Regulator',
  vendor: 'Chip vendor',
  firm: 'AI firm',
  hub: 'Hub government',
};
