import type { SourceArticle } from "../../lib/document/markup-source";

/** A short unprotected demo article, so that editing and protection can be tried on something else. */
export const demoCity: SourceArticle = {
  title: "Hama",
  sections: [
    {
      id: "sec-lead",
      title: "",
      level: 0,
      blocks: [
        "'''Hama''' is a city on the Orontes river in west-central Syria and the seat of [[wiki:Hama Governorate]].[[ref:britannica-hama]] It lies on the main road between [[wiki:Damascus]] and [[wiki:Aleppo]], which has made it a crossroads for trade and, in wartime, for armies.[[ref:unesco-norias]]",
      ],
    },
    {
      id: "sec-geography",
      title: "Geography",
      level: 2,
      blocks: [
        "The old city spreads along both banks of the Orontes, where the river runs in a narrow valley through a plain of farmland.[[ref:britannica-hama]] Summers are hot and dry; most rain falls between November and March.[[tag:citation needed|2024-12]]",
      ],
    },
    {
      id: "sec-norias",
      title: "Norias",
      level: 2,
      blocks: [
        "Hama is known for its ''norias'', large wooden water wheels that lifted water from the river into aqueducts for the fields and houses.[[ref:unesco-norias]] About seventeen of them survive; the largest measure more than twenty metres across.[[ref:unesco-norias]][[ref:aramco-norias]]",
      ],
    },
    {
      id: "sec-see-also",
      title: "See also",
      level: 2,
      blocks: [{ list: "bullet", items: ["[[wiki:2024 Hama offensive]]", "[[wiki:Orontes River]]"] }],
    },
  ],
  references: [
    {
      key: "britannica-hama",
      title: "Hama",
      work: "Encyclopaedia Britannica",
      url: "https://www.britannica.com/place/Hama",
      accessDate: "2024-12-06",
    },
    {
      key: "unesco-norias",
      title: "The Norias of Hama",
      publisher: "UNESCO World Heritage Centre",
      url: "https://whc.unesco.org/en/tentativelists/1298/",
      date: "1999-06-08",
      accessDate: "2024-12-06",
    },
    {
      key: "aramco-norias",
      title: "The Wheels of Hama",
      work: "Aramco World",
      authors: ["Lunde, Paul"],
      url: "https://archive.aramcoworld.com/issue/197801/the.wheels.of.hama.htm",
      date: "1978-01",
      accessDate: "2024-12-06",
    },
  ],
};
