/** The drawn world behind the places: sea, land and a faint grid. Decorative only. */
export function MapBackdrop() {
  return (
    <g aria-hidden="true" className="backdrop">
      <defs>
        <radialGradient id="sea" cx="55%" cy="45%" r="75%">
          <stop offset="0%" stopColor="#123a5c" />
          <stop offset="100%" stopColor="#0a1f35" />
        </radialGradient>
        <pattern id="grid" width="50" height="50" patternUnits="userSpaceOnUse">
          <path d="M50 0H0V50" fill="none" stroke="#1d4a70" strokeWidth="0.6" />
        </pattern>
      </defs>
      <rect width="1000" height="600" fill="url(#sea)" />
      <rect width="1000" height="600" fill="url(#grid)" opacity="0.5" />
      {/* North America */}
      <path
        className="land"
        d="M0,40 C60,20 150,30 210,60 C250,85 240,130 215,160 C200,185 230,215 205,250 C180,285 150,300 120,330 C100,350 70,340 55,310 C40,280 20,270 0,265 Z"
      />
      {/* Eurasia: Middle East to China */}
      <path
        className="land"
        d="M300,0 H1000 V180 C960,190 930,170 900,190 C870,210 850,200 830,215 C800,230 760,215 740,240 C720,262 700,250 680,268 C660,285 640,275 620,290 C600,300 580,285 560,300 C540,312 520,300 500,305 C470,312 455,290 440,280 C420,268 380,270 350,260 C320,250 300,262 285,250 C265,232 290,200 280,170 C272,140 290,110 290,80 Z"
      />
      {/* Arabian peninsula */}
      <path
        className="land"
        d="M285,262 C320,262 350,270 380,285 C400,296 400,320 420,340 C445,362 455,385 440,405 C420,430 385,440 355,432 C325,425 305,400 292,370 C280,340 270,300 285,262 Z"
      />
      {/* Indochina and the Malay peninsula */}
      <path
        className="land"
        d="M560,298 C590,290 615,292 640,282 C665,278 680,300 675,330 C670,355 650,360 648,385 C646,410 668,440 680,470 C688,490 676,498 662,488 C640,470 630,440 622,415 C612,385 590,380 580,360 C568,340 552,320 560,298 Z"
      />
      {/* Taiwan */}
      <path
        className="land"
        d="M772,228 C782,226 790,240 788,258 C786,272 776,276 770,266 C764,252 764,232 772,228 Z"
      />
      {/* Sumatra, Borneo, Java */}
      <path
        className="land"
        d="M600,470 C620,480 650,505 672,530 C684,545 676,556 664,550 C640,535 612,505 596,485 Z"
      />
      <path
        className="land"
        d="M745,440 C780,425 830,430 860,455 C880,475 872,505 845,515 C815,525 780,515 760,495 C742,478 730,452 745,440 Z"
      />
      <path
        className="land"
        d="M700,560 C740,552 800,556 860,566 C890,572 886,584 860,584 C810,584 740,580 705,574 C690,570 690,563 700,560 Z"
      />
    </g>
  );
}
