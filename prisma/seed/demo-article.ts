import type { SourceArticle } from "../../lib/document/markup-source";

/**
 * Demo article for the seed: the 2024 Hama offensive, written in the
 * project's own words. Facts, dates, names and bibliographic data follow the
 * public record; the prose is original.
 */
export const demoArticle: SourceArticle = {
  title: "2024 Hama offensive",
  infobox: {
    kind: "military conflict",
    title: "2024 Hama offensive",
    partOf: "the [[wiki:2024 Syrian opposition offensive]] during the [[wiki:Syrian civil war]]",
    imageCaption: "Opposition fighters at Hama Military Airport after its capture",
    dateStart: "2024-11-30",
    dateEnd: "2024-12-05",
    rows: [
      {
        kind: "field",
        label: "Location",
        value: ["[[wiki:Hama Governorate]], Syria", "(parts of southern [[wiki:Idlib Governorate]], Syria)"],
      },
      {
        kind: "field",
        label: "Status",
        value: ["Syrian opposition victory[[ref:cnn-hama-capture]]"],
      },
      {
        kind: "field",
        label: "Territorial changes",
        value: [
          "Opposition forces take Hama[[ref:cnn-hama-capture]][[ref:dawn-hama]] and numerous towns across the governorate, among them [[wiki:Salamiyah]], [[wiki:Kafr Zita]], [[wiki:Latamneh]] and [[wiki:Morek]],[[ref:sohr-salamiyah]][[ref:turkiye-today-withdraws]] together with [[wiki:Hama Military Airport]][[ref:aljazeera-hama-capture]]",
        ],
      },
      {
        kind: "sides",
        label: "Belligerents",
        sides: [
          [
            "[[wiki:Military Operations Command]]",
            {
              list: "bullet",
              items: ["[[wiki:Hay’at Tahrir al-Sham]]", "[[wiki:Syrian National Army]][[ref:npa-turkish-backed]]"],
            },
          ],
          ["[[wiki:Ba’athist Syria|Syrian Arab Republic]]", "[[wiki:Russia]][[ref:guardian-airstrikes]]"],
        ],
      },
      {
        kind: "sides",
        label: "Commanders and leaders",
        sides: [
          ["[[wiki:Ahmed al-Sharaa]]", "[[wiki:Abu Amsha|Muhammad al-Jassem (Abu Amsha)]][[ref:sohr-joint-forces]]"],
          [
            "Lt. Gen. [[wiki:Abdul Karim Mahmoud Ibrahim]][[ref:isw-iran-update]]",
            "Maj. Gen. [[wiki:Suhayl al-Hasan]][[ref:k24-northern-hama]]",
            "Brig. Gen. Adi Ghosa (killed)[[ref:ea-worldview-updates]]",
          ],
        ],
      },
      {
        kind: "sides",
        label: "Units involved",
        sides: [
          [
            "[[wiki:Military Operations Command]]",
            {
              list: "bullet",
              items: ["[[wiki:Hay’at Tahrir al-Sham]]", "Al-Shaheen Brigades (drone units)[[ref:mee-shaheen]]"],
            },
            "[[wiki:Syrian National Army]]",
            {
              list: "bullet",
              items: ["Sultan Suleiman Shah Division[[ref:sohr-joint-forces]]"],
            },
          ],
          [
            "[[wiki:Syrian Armed Forces]]",
            {
              list: "bullet",
              items: [
                "[[wiki:Syrian Army]]",
                "[[wiki:25th Special Mission Forces Division]][[ref:sohr-tracked-vehicles]]",
              ],
            },
            "[[wiki:Russian Armed Forces]]",
            {
              list: "bullet",
              items: ["[[wiki:Russian Aerospace Forces]][[ref:guardian-airstrikes]]"],
            },
          ],
        ],
      },
      {
        kind: "sides",
        label: "Casualties and losses",
        sides: [
          [
            "[[wiki:Hay’at Tahrir al-Sham|HTS]]: 73+ killed[[note:7 at Khan Shaykhun on 1 December[[ref:sohr-khan-shaykhun]], 8 north of Hama on 3 December[[ref:sohr-clashes-near-hama]], 10 in the Al-Ghab Plain on 2 December[[ref:sohr-town-five-villages]] and 48 on the Hama front on 4 December[[ref:sohr-ghab-failed-advance]]]]",
            "[[wiki:Syrian National Army|SNA]]: 5 killed[[note:5 on the Hama front on 4 December[[ref:sohr-ghab-failed-advance]]]]",
          ],
          [
            "51+ soldiers killed[[note:17 on 3 December[[ref:sohr-clashes-near-hama]] and 34 on 4 December[[ref:sohr-ghab-failed-advance]]]]",
            "13+ Iranian-backed fighters killed[[tag:clarification needed|2024-12]]",
          ],
        ],
        footer: [
          "17+ civilians killed[[note:4 in government air strikes and 10 in opposition shelling[[ref:sohr-clashes-near-hama]]; 3 further deaths reported separately[[ref:sohr-ghab-failed-advance]][[ref:abc-reinforcements]][[ref:sohr-clashes-near-hama]]]]",
          "115,000 people displaced[[note:Displacement across Idlib and northern Aleppo, according to United Nations figures[[ref:dawn-hama]]]]",
        ],
      },
    ],
  },
  sections: [
    {
      id: "sec-lead",
      title: "",
      level: 0,
      blocks: [
        "The '''2024 Hama offensive''' was a military campaign in [[wiki:Hama Governorate]] in central Syria, fought as one stage of the [[wiki:2024 Syrian opposition offensive]] within the wider [[wiki:Syrian civil war]]. It was directed by the [[wiki:Military Operations Command]], a joint command that brought together fighters loyal to the [[wiki:Syrian Salvation Government]] (SSG) and rebel factions of the [[wiki:Syrian Interim Government]] (SIG) that receive Turkish support.[[ref:npa-turkish-backed]]",
        "After less than a week of fighting across the northern and eastern countryside of the governorate, opposition fighters took the city of [[wiki:Hama]] on 5 December 2024, once the [[wiki:Syrian Army]] had withdrawn from it.[[ref:cnn-hama-capture]]",
      ],
    },
    {
      id: "sec-background",
      title: "Background",
      level: 2,
      blocks: [
        "Opposition factions headed by [[wiki:Hay’at Tahrir al-Sham]] (HTS) opened an attack on government-held positions in north-western Syria on 27 November 2024. No party to the war had mounted an operation on this scale since the [[wiki:Idlib ceasefire]] agreed in March 2020. Within days government lines had given way and dozens of villages had changed hands. By 30 November government troops and Iranian-backed militias had also pulled out of [[wiki:Aleppo International Airport]] and the nearby towns of [[wiki:Nubl]] and [[wiki:Al-Zahraa]], where Kurdish forces then took over the checkpoints.[[ref:sohr-aleppo-airport]] The [[wiki:Syrian Observatory for Human Rights]] (SOHR), a monitoring group based in the United Kingdom, reported that the fighting sent residents fleeing towards several government-held cities, Hama among them.[[ref:sohr-aleppo-airport]]",
      ],
    },
    {
      id: "sec-battle",
      title: "Battle",
      level: 2,
      blocks: [
        "The fighting reached Hama Governorate on 30 November 2024, when opposition units seized a string of towns in its northern countryside, including Taybat al-Imam, [[wiki:Kafr Zita]], [[wiki:Latamneh]] and [[wiki:Morek]].[[ref:turkiye-today-withdraws]]",
      ],
    },
    {
      id: "sec-opening-advances",
      title: "Opening advances",
      level: 3,
      blocks: [
        {
          quote: [
            "Our officer ordered us to open fire and warned that anyone who held back would be treated as a traitor and punished for it.",
            "Time and again we were told to stay where we were because reinforcements were on their way. Nobody believed it, and none ever arrived.",
          ],
          attribution: "— Amr, Syrian Army conscript, on the fighting north of Hama[[ref:mem-army-collapse]]",
        },
        "With these towns in hand, opposition columns moved up to the edges of Hama and began to close around the city.[[ref:jpost-closing-in]] Government troops, for their part, started to pull back both from the city and from its military airbase.[[ref:sohr-withdrawal-airport]] Early on 1 December a photograph that could not be verified, said to show fighters in Hama’s Al-Arba’een district, spread on social media,[[ref:rotter-arbaeen]][[tag:unreliable source?|2024-12]] and [[wiki:Al Jazeera]] likewise reported that opposition forces had entered the city.[[ref:aljazeera-enter-hama]]",
        "Damascus responded by rushing reinforcements north to hold back the attackers. Among them were special forces tied to Major General [[wiki:Suhayl al-Hasan]], deployed to key points such as Jabal Zayn al-Abidin, Taybat al-Imam, Qamhana and Khitab.[[ref:k24-northern-hama]][[ref:abc-reinforcements]] On 1 December 2024 Lieutenant General [[wiki:Abdul Karim Mahmoud Ibrahim]], chief of the general staff of the army and armed forces, travelled to Hama to take personal charge of operations in the north of the country.[[ref:isw-iran-update]]",
        "A government counter-attack the following day won back part of the lost ground in the province and brought the opposition advance to a temporary standstill.[[ref:siasat-regain]] Russian aircraft bombed opposition-held districts in the Idlib and Hama countryside.[[ref:guardian-airstrikes]] The state news agency [[wiki:Syrian Arab News Agency|SANA]] said troops had driven the fighters back in the northern part of the governorate overnight,[[ref:abc-reinforcements]] and SOHR gave a similar account, describing the newly arrived units as having formed a solid defensive front north of the city.[[ref:dw-reinforcements]] Opposition commanders nonetheless vowed to carry their campaign all the way to Damascus.[[ref:ap-counterattacks]]",
        "Also on 1 December, as fighters moved back into southern Idlib, seven HTS members died in [[wiki:Khan Shaykhun]] when rigged missiles went off inside a former army depot that retreating government troops had left behind.[[ref:sohr-khan-shaykhun]] The same day an opposition drone killed Brigadier General Adi Ghosa, who headed the Military Security branch in Hama city.[[ref:ea-worldview-updates]] As the offensive gathered pace, some officers, Colonel Makhlouf Makhlouf among them, began to abandon their posts.[[ref:reuters-army-collapsed]]",
        "On 2 December an opposition drone hit a meeting of government commanders near Jabal Zayn al-Abidin, north of Hama, leaving several of them dead or wounded.[[ref:sohr-gathering-leaders]] Fighting grew heavier through the afternoon, above all around Karnaz and Suran, while in the eastern countryside opposition units took the town of Qasr Abu Samrah.[[ref:sohr-fierce-battles]] The evening saw the most intense combat of the offensive up to that point in the northern Hama region, as Russian and Syrian warplanes flew more than 45 strikes. Opposition forces captured al-Jubain, Tell Malah, Jalamah, Breidej, Karnaz and al-Karkat, but government troops beat back their attempts to push on to Qalaat al-Madiq.[[ref:sohr-fiercest-clashes]][[ref:sohr-qalaat-madiq]] Rockets fired by opposition forces into Hama city killed eight civilians.[[ref:sohr-hama-shelling-civilians]] Further west, on the [[wiki:Al-Ghab Plain]] front, an HTS assault on army positions failed and cost at least ten of its fighters their lives.[[ref:sohr-town-five-villages]]",
      ],
    },
    {
      id: "sec-fighting-outskirts",
      title: "Fighting on the outskirts",
      level: 3,
      blocks: [
        "Opposition forces kept up the pressure on 3 December and seized Taybat al-Imam, [[wiki:Halfaya]], Soran and Maardis.[[ref:sohr-more-towns]] Combat intensified after dark; by then the attackers had taken more than ten towns and villages in total and stood at the edge of Hama.[[ref:sohr-gates-of-hama]] Heavy fighting north of the city killed at least 17 soldiers and eight HTS fighters, while HTS shelling of Hama killed two civilians.[[ref:sohr-clashes-near-hama]]",
        "Anas Alkharboutli, a photographer working for the German news agency [[wiki:Deutsche Presse-Agentur|DPA]], died in an air strike on Morek, close to Hama.[[ref:france24-dpa-photographer]]",
        "On 4 December the army counter-attacked in an effort to recover the tracked military vehicles academy, which lies about 18 km north-east of Hama city.[[ref:sohr-tracked-vehicles]] HTS in turn attacked the village of Al-Kareem, beside Al-Bared near Joureen, where government troops held their ground. SOHR counted at least 48 HTS fighters, five SNA fighters and 34 soldiers killed along the Hama front that day.[[ref:sohr-ghab-failed-advance]] By evening the opposition had cut the roads linking Hama with Raqqa and with Aleppo, and had taken Shaykh Hilal, Al-Saan and Sarouj in the eastern countryside.[[ref:sohr-red-bands]] The fighting went on through the night: Khitab and Mubarakat fell to the opposition, and clashes continued on Jabal Zayn al-Abidin.[[ref:sohr-three-sides]]",
        "By the close of the day Hama was enclosed on three sides, with opposition fighters roughly four kilometres from the city. Government forces still held the strategic highway south to Homs, along which sizeable military convoys had reached the city over the previous 24 hours. In the west of the governorate the front line edged towards the region of [[wiki:Latakia Governorate|Latakia]], whose population is largely [[wiki:Alawites|Alawite]].[[ref:france24-three-sides]]",
      ],
    },
    {
      id: "sec-fall-of-hama",
      title: "Fall of Hama",
      level: 3,
      blocks: [
        "On 5 December opposition forces overran the base of the 66th Brigade east of Hama and then pushed into the north-eastern districts of the city, while government aircraft bombed its eastern side as the fighting continued.[[ref:sohr-northeastern-hama]] The Turkish-backed Sultan Suleiman Shah Division, commanded by Muhammad al-Jassem, known as Abu Amsha, joined the battle for the city.[[ref:sohr-joint-forces]]",
        "The army withdrew from Hama later that day. Opposition fighters broke into the city’s central prison and released several hundred inmates, who they said had been held unjustly by the government.[[ref:wapo-withdrawal]][[ref:cnn-army-withdraws]][[ref:dawn-hama]] By the afternoon the opposition controlled the whole city as well as the nearby military airport.[[ref:cnn-hama-capture]][[ref:aljazeera-hama-capture]] The government stated that its units had been moved and repositioned outside Hama to spare civilian lives after opposition fighters had forced their way into several districts,[[ref:wapo-withdrawal]][[ref:cnn-army-withdraws]] and a large share of the city’s residents fled.[[ref:aljazeera-hama-capture]]",
      ],
    },
    {
      id: "sec-subsequent-advances",
      title: "Subsequent opposition advances",
      level: 3,
      blocks: [
        "Within hours of abandoning Hama on 5 December, government troops also left [[wiki:Salamiyah]] and [[wiki:Talbiseh]] and fell back towards [[wiki:Homs]] as opposition forces approached the two towns.[[ref:sohr-salamiyah-talbiseh]] That evening opposition fighters entered Salamiyah without a fight under an arrangement reached with the town’s elders and its [[wiki:Isma’ilism|Ismaili]] religious council.[[ref:sohr-salamiyah]]",
      ],
    },
    {
      id: "sec-aftermath",
      title: "Aftermath",
      level: 2,
      blocks: [
        "The capture of Hama was widely regarded as the moment the government’s war became unwinnable. Iraqi militias allied with Assad received orders to leave Syria after 5 December, their officers having concluded that further resistance could not succeed.[[ref:reuters-army-collapsed]] The [[wiki:Ba’ath Party|Ba’athist]] leadership tried to organise a defence of the capital, but [[wiki:Fall of the Assad regime|Damascus fell]] on 8 December.[[ref:mem-army-collapse]][[ref:syriadirect-ghouta]]",
      ],
    },
    {
      id: "sec-analysis",
      title: "Analysis",
      level: 2,
      blocks: [
        "Hama matters strategically because it lies on the supply routes to the government’s strongholds on the coast[[ref:thenational-tiger-forces]] and because it borders districts inhabited by Alawites, a community that had for the most part supported the Assad government. The city also forms a crossroads between Syria’s northern, southern, eastern and western regions, sitting on the main transport and supply corridor that joins Damascus with Aleppo.[[ref:enabbaladi-importance]][[ref:syriadirect-latakia-suwayda]] Observers also drew attention to the inability of the [[wiki:Tiger Forces]], the elite formation associated with Suhayl al-Hasan, to stop the opposition advance on the city.[[ref:thenational-tiger-forces]]",
      ],
    },
    {
      id: "sec-see-also",
      title: "See also",
      level: 2,
      blocks: [
        {
          list: "bullet",
          items: [
            "[[wiki:2024 Aleppo offensive]]",
            "[[wiki:2024 Homs offensive]]",
            "[[wiki:Fall of the Assad regime]]",
            "[[wiki:Timeline of the Syrian civil war (2024)]]",
          ],
        },
      ],
    },
  ],
  references: [
    {
      key: "guardian-airstrikes",
      title: "Russian airstrikes hit north-western Syria as militants reach central Aleppo",
      url: "https://www.theguardian.com/world/2024/nov/30/russian-airstrikes-hit-north-western-syria-as-militants-reach-central-aleppo",
      work: "The Guardian",
      accessDate: "2024-12-01",
    },
    {
      key: "cnn-hama-capture",
      title: "Syrian rebels capture second major city as army withdraws from Hama",
      url: "https://edition.cnn.com/2024/12/05/middleeast/syria-rebels-capture-hama-intl",
      work: "CNN",
      date: "2024-12-05",
      accessDate: "2024-12-05",
    },
    {
      key: "dawn-hama",
      title: "Syrian rebels capture key city of Hama",
      url: "https://www.dawn.com/news/1877312/syrian-rebels-capture-key-city-of-hama",
      work: "Dawn",
      authors: ["AFP"],
      date: "2024-12-05",
      accessDate: "2024-12-06",
      archiveUrl:
        "https://web.archive.org/web/20241206031512/https://www.dawn.com/news/1877312/syrian-rebels-capture-key-city-of-hama",
      archiveDate: "2024-12-06",
    },
    {
      key: "sohr-salamiyah",
      title:
        "Major collapse of the regime forces.. “Hay’at Tahrir al-Sham” controls strategic sites near the city of Hama and enters the city of Salamiyah without fighting",
      url: "https://www.syriahr.com/751204/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-05",
      accessDate: "2024-12-05",
      language: "Arabic",
    },
    {
      key: "turkiye-today-withdraws",
      title: "Syrian army withdraws from Hama as rebels push toward Homs",
      url: "https://www.turkiyetoday.com/region/syrian-army-withdraws-from-hama-as-rebels-push-toward-homs-87512/",
      work: "Türkiye Today",
      accessDate: "2024-11-30",
    },
    {
      key: "aljazeera-hama-capture",
      title: "Syrian opposition forces capture key city of Hama in fresh blow to Assad",
      url: "https://www.aljazeera.com/news/2024/12/5/syrian-opposition-forces-capture-key-city-of-hama-in-fresh-blow-to-assad",
      work: "Al Jazeera",
      accessDate: "2024-12-05",
    },
    {
      key: "isw-iran-update",
      title: "Iran Update, December 1, 2024",
      url: "https://www.understandingwar.org/backgrounder/iran-update-december-1-2024",
      work: "Understanding War",
      publisher: "American Enterprise Institute",
    },
    {
      key: "k24-northern-hama",
      title: "HTS captures more territory in Northern Hama",
      url: "https://www.kurdistan24.net/en/story/812345/hts-captures-more-territory-in-northern-hama",
      work: "Kurdistan 24",
      accessDate: "2024-12-01",
    },
    {
      key: "ea-worldview-updates",
      title: "UPDATES: Rebels Reclaim Syria’s Largest City Aleppo, Advancing on Hama",
      url: "https://eaworldview.com/2024/12/updates-rebels-reclaim-syria-largest-city-aleppo-advancing-hama/",
      work: "EA WorldView",
      authors: ["Lucas, Scott"],
      date: "2024-12-01",
    },
    {
      key: "sohr-joint-forces",
      title:
        "Amid crashing battles in city’s suburbs | “Joint forces” send military reinforcement to frontlines on outskirts of Hama city",
      url: "https://www.syriahr.com/en/349733/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-05",
      accessDate: "2024-12-06",
    },
    {
      key: "mee-shaheen",
      title: "Shaheen drones: The new rebel weapon in Syria’s skies",
      url: "https://www.middleeasteye.net/news/shaheen-drones-new-rebel-weapon-syrias-skies",
      work: "Middle East Eye",
      date: "2024-12-03",
    },
    {
      key: "sohr-tracked-vehicles",
      title:
        "Securing Hama city and Khanaser highway: Regime forces and 25th Division expand operations around Hama city and advance towards “tracked military vehicles” academy",
      url: "https://www.syriahr.com/en/349671/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-04",
      accessDate: "2024-12-13",
      archiveUrl: "https://web.archive.org/web/20241204172233/https://www.syriahr.com/en/349671/",
      archiveDate: "2024-12-04",
    },
    {
      key: "sohr-khan-shaykhun",
      title: "Left by regime forces: Seven rebels killed in explosion of booby-trapped missiles in Khan Shaykhoun",
      url: "https://www.syriahr.com/en/349412/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-01",
    },
    {
      key: "sohr-clashes-near-hama",
      title:
        "Casualties under shelling by H*T*S on Hama: At least 24 members of regime forces and H*T*S kil*led in clashes near Hama",
      url: "https://www.syriahr.com/en/349590/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-03",
    },
    {
      key: "sohr-town-five-villages",
      title:
        "After advancing in Hama: Forces of “Blocking Aggression” operation control a town and five villages in northern Hama",
      url: "https://www.syriahr.com/en/349518/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-02",
    },
    {
      key: "sohr-ghab-failed-advance",
      title:
        "“Deterrence of Aggression” operation: H-T-S fails to advance towards “Alawite” villages and the largest military camp of regime forces in Sahil Al-Ghab",
      url: "https://www.syriahr.com/en/349664/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-04",
    },
    {
      key: "abc-reinforcements",
      title: "Syria sends in reinforcements to halt insurgents from advancing after seizing Aleppo",
      url: "https://abcnews.go.com/International/wireStory/syria-sends-reinforcements-halt-insurgents-advancing-after-seizing-116343210",
      work: "ABC News",
      accessDate: "2024-12-01",
    },
    {
      key: "npa-turkish-backed",
      title: "Turkish-Backed Factions Reach Hama’s Outskirts in Central Syria",
      url: "https://npasyria.com/en/118745/",
      work: "North Press Agency",
    },
    {
      key: "sohr-aleppo-airport",
      title:
        "Following withdrawal of Iranian-backed militias and regime forces, Kurdish forces deploy in Aleppo international airport, Nubl and Al-Zahraa and take control of checkpoints",
      url: "https://www.syriahr.com/en/349351/",
      publisher: "Syrian Observatory for Human Rights",
      accessDate: "2024-11-30",
    },
    {
      key: "mem-army-collapse",
      title: "The Syrian army’s collapse as told by the soldiers who fled",
      url: "https://www.middleeastmonitor.com/20241217-the-syrian-armys-collapse-as-told-by-the-soldiers-who-fled/",
      work: "Middle East Monitor",
      authors: ["al-Aswad, Omar", "Hilton, Daniel"],
      date: "2024-12-17",
      accessDate: "2024-12-21",
    },
    {
      key: "jpost-closing-in",
      title: "Syrian rebels closing in on city of Hama - report",
      url: "https://www.jpost.com/middle-east/article-831402",
      work: "The Jerusalem Post",
      accessDate: "2024-11-30",
    },
    {
      key: "sohr-withdrawal-airport",
      title:
        "Amidst the withdrawal of regime forces from the city of Hama and its military airport, “Hay’at Tahrir al-Sham” continues to advance in its countryside and takes control of new cities and towns",
      url: "https://www.syriahr.com/750377/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-11-30",
      accessDate: "2024-11-30",
      language: "Arabic",
    },
    {
      key: "rotter-arbaeen",
      title: "המורדים בסוריה נכנסו לעיר חמה . תמונה מרחוב אל-ארבעין) - חדשות רוטר",
      url: "https://rotter.net/forum/scoops1/868512.shtml",
      work: "Rotter.net",
      accessDate: "2024-11-30",
      language: "Hebrew",
    },
    {
      key: "aljazeera-enter-hama",
      title: "Syrian opposition fighters enter the city of Hama",
      url: "https://www.aljazeera.com/news/2024/12/1/syrian-opposition-fighters-enter-the-city-of-hama",
      work: "Al Jazeera",
      accessDate: "2024-12-01",
    },
    {
      key: "siasat-regain",
      title: "Syrian forces regain territory, halt rebel advance in Hama amid heavy fighting",
      url: "https://www.siasat.com/syrian-forces-regain-territory-halt-rebel-advance-in-hama-amid-heavy-fighting-3131842/",
      work: "The Siasat Daily",
      accessDate: "2024-12-01",
    },
    {
      key: "dw-reinforcements",
      title: "Syria: Army sends reinforcements to hold back rebels in Hama",
      url: "https://www.dw.com/en/syria-army-sends-reinforcements-to-hold-back-rebels-in-hama/live-70937541",
      work: "DW News",
      accessDate: "2024-12-01",
    },
    {
      key: "ap-counterattacks",
      title: "Syria launches counterattacks in an attempt to halt insurgents’ surprise advance",
      url: "https://apnews.com/article/syria-aleppo-insurgents-hama-counterattack-4c1f7d0a2b6e",
      work: "AP News",
      authors: ["Chehayeb, Kareem"],
      accessDate: "2024-12-01",
    },
    {
      key: "reuters-army-collapsed",
      title: "How Assad’s army collapsed in Syria: demoralised conscripts, absent allies",
      url: "https://www.reuters.com/world/middle-east/how-assads-army-collapsed-syria-demoralised-conscripts-absent-allies-2024-12-17/",
      work: "Reuters",
      authors: ["Gebeily, Maya", "Al-Khalidi, Suleiman", "Rasheed, Ahmed", "Azhari, Timour"],
      date: "2024-12-17",
      accessDate: "2024-12-21",
    },
    {
      key: "sohr-gathering-leaders",
      title:
        "Hayat Tahrir al-Sham and factions target a gathering of military leaders from the regime forces north of Hama city",
      url: "https://www.syriahr.com/750642/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-02",
      accessDate: "2024-12-02",
      language: "Arabic",
    },
    {
      key: "sohr-fierce-battles",
      title:
        "After a violent attack by Hay’at Tahrir al-Sham and the factions.. Fierce battles in the northern and eastern countryside of Hama, coinciding with air strikes and intensive artillery shelling",
      url: "https://www.syriahr.com/750688/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-02",
      accessDate: "2024-12-02",
      language: "Arabic",
    },
    {
      key: "sohr-fiercest-clashes",
      title:
        "In the fiercest clashes since the launch of Operation “Deterrence of Aggression”, regime forces, with heavy air support, thwart the organization’s attempts to advance to strategic points in the northern Hama countryside",
      url: "https://www.syriahr.com/750731/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-02",
      accessDate: "2024-12-02",
      language: "Arabic",
    },
    {
      key: "sohr-qalaat-madiq",
      title:
        "After making progress in the eastern Hama countryside.. “Deterrence of Aggression” forces control a town and 5 villages in the northern Hama countryside and are trying to control the strategic Qalaat Al-Madiq",
      url: "https://www.syriahr.com/750719/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-02",
      accessDate: "2024-12-02",
      language: "Arabic",
    },
    {
      key: "sohr-hama-shelling-civilians",
      title:
        "8 citizens martyred in shelling on Hama city.. The number of martyrs from the shells of the Authority and the factions rises to 12 since the beginning of the “Deterrence of Aggression” operation",
      url: "https://www.syriahr.com/750705/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-02",
      accessDate: "2024-12-02",
      language: "Arabic",
    },
    {
      key: "sohr-more-towns",
      title:
        "After the fiercest clashes and intensive aerial bombardment, Hayat Tahrir al-Sham and the factions control more cities and towns in the Hama countryside",
      url: "https://www.syriahr.com/750804/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-03",
      accessDate: "2024-12-03",
      language: "Arabic",
    },
    {
      key: "sohr-gates-of-hama",
      title:
        "As violent clashes continue for more than 24 hours in the Hama countryside, Hay’at Tahrir al-Sham is at the gates of Hama city and is trying to expand to cut off two main roads with Hama and impose a siege on the city",
      url: "https://www.syriahr.com/750861/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-03",
      accessDate: "2024-12-03",
      language: "Arabic",
    },
    {
      key: "france24-dpa-photographer",
      title: "German news agency DPA says photographer killed near Syria’s Hama",
      url: "https://www.france24.com/en/live-news/20241204-german-news-agency-dpa-says-photographer-killed-near-syria-s-hama",
      work: "France 24",
      date: "2024-12-04",
    },
    {
      key: "sohr-red-bands",
      title:
        "“Red Bands” encircle Hama city... “Hay’at Tahrir al-Sham” cuts off Hama-Raqqa and Hama-Aleppo roads and paves the way with ground shelling on a strategic mountain near Hama city",
      url: "https://www.syriahr.com/750958/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-04",
      accessDate: "2024-12-04",
      language: "Arabic",
    },
    {
      key: "sohr-three-sides",
      title:
        "3 km to reach Hama city.. Hayat Tahrir al-Sham surrounds Hama city from 3 sides and cuts off roads with the city",
      url: "https://www.syriahr.com/750990/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-04",
      accessDate: "2024-12-04",
      language: "Arabic",
    },
    {
      key: "france24-three-sides",
      title: "Syrian rebels surround key city Hama on ‘three sides’, war monitor says",
      url: "https://www.france24.com/en/live-news/20241204-syrian-rebels-surround-key-city-hama-on-three-sides-war-monitor",
      work: "France 24",
      date: "2024-12-04",
      accessDate: "2024-12-04",
    },
    {
      key: "sohr-northeastern-hama",
      title:
        "After hours of grinding battles.. HTS and factions enter the northeastern side of Hama amid aerial bombardment from warplanes",
      url: "https://www.syriahr.com/751087/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-05",
      accessDate: "2024-12-05",
      language: "Arabic",
    },
    {
      key: "wapo-withdrawal",
      title: "Syrian rebels take new city as army announces withdrawal from Hama",
      url: "https://www.washingtonpost.com/world/2024/12/05/syria-rebels-hama-assad-army-withdrawal/",
      work: "The Washington Post",
      date: "2024-12-05",
    },
    {
      key: "cnn-army-withdraws",
      title: "Syrian army withdraws from strategic city of Hama as rebels advance",
      url: "https://edition.cnn.com/2024/12/05/middleeast/syria-army-withdraws-hama-rebels-intl",
      work: "CNN",
      authors: ["Salem, Mostafa"],
      date: "2024-12-05",
      accessDate: "2024-12-05",
    },
    {
      key: "sohr-salamiyah-talbiseh",
      title:
        "After the collapse of the regime forces in the city of Hama.. the withdrawal of the regime forces and the National Defense from the cities of Salamiyah and Talbiseh towards the city of Homs",
      url: "https://www.syriahr.com/751166/",
      publisher: "Syrian Observatory for Human Rights",
      date: "2024-12-05",
      accessDate: "2024-12-05",
      language: "Arabic",
    },
    {
      key: "syriadirect-ghouta",
      title: "Hope and suspense in East Ghouta as the regime loses ground",
      url: "https://syriadirect.org/hope-and-suspense-in-east-ghouta-as-the-regime-loses-ground/",
      work: "Syria Direct",
      date: "2024-12-06",
    },
    {
      key: "thenational-tiger-forces",
      title: "Syria’s elite Tiger Forces fail to stem rebel advance in Hama",
      url: "https://www.thenationalnews.com/news/mena/2024/12/04/syrias-elite-tiger-forces-fail-to-stem-rebel-advance-in-hama/",
      work: "The National",
      accessDate: "2024-12-05",
    },
    {
      key: "enabbaladi-importance",
      title: "What is the importance of opposition factions’ control over Hama",
      url: "https://english.enabbaladi.net/archives/2024/12/what-is-the-importance-of-opposition-factions-control-over-hama/",
      work: "Enab Baladi",
    },
    {
      key: "syriadirect-latakia-suwayda",
      title: "‘Ambiguous relationship’: Where does Latakia stand on Suwayda’s movement?",
      url: "https://syriadirect.org/ambiguous-relationship-where-does-latakia-stand-on-suwaydas-movement/",
      work: "Syria Direct",
      date: "2024-01-26",
    },
  ],
};
