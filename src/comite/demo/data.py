"""The demo's data tables: the six committees and their share of the sessions, the
departments and municipalities, the populations and what people and entities say.

All fictitious, in the wording the secretariats use.
"""

from __future__ import annotations

from datetime import date

DEMO_END = date(2026, 11, 20)
"""The demo's "today": past sessions end before it, one session is in progress on it."""

ALL_COMMITTEES = (
    "GVP",
    "CERREM_POBLACIONAL",
    "CERREM_MUJERES",
    "CERREM_COLECTIVO",
    "CERREM_UP_PCC",
    "COMITE_ESPECIAL",
)
SHARE = {
    "GVP": 0.50,
    "CERREM_POBLACIONAL": 0.20,
    "CERREM_MUJERES": 0.08,
    "CERREM_COLECTIVO": 0.08,
    "CERREM_UP_PCC": 0.07,
    "COMITE_ESPECIAL": 0.07,
}

# Departments of Colombia (and Bogotá, D.C.) with a few municipalities each, and a
# weight that loosely follows where protection requests come from.
DEPARTMENTS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("Amazonas", 1, ("Leticia", "Puerto Nariño")),
    ("Antioquia", 9, ("Medellín", "Apartadó", "Turbo", "Caucasia", "Ituango", "Segovia", "Remedios")),
    ("Arauca", 3, ("Arauca", "Saravena", "Tame", "Arauquita")),
    ("Atlántico", 2, ("Barranquilla", "Soledad", "Malambo", "Sabanalarga")),
    ("Bogotá, D.C.", 6, ("Bogotá, D.C.",)),
    ("Bolívar", 4, ("Cartagena de Indias", "El Carmen de Bolívar", "Santa Rosa del Sur", "Simití")),
    ("Boyacá", 1, ("Tunja", "Sogamoso", "Puerto Boyacá", "Chiquinquirá")),
    ("Caldas", 1, ("Manizales", "Riosucio", "Supía", "La Dorada")),
    ("Caquetá", 3, ("Florencia", "San Vicente del Caguán", "Cartagena del Chairá")),
    ("Casanare", 1, ("Yopal", "Paz de Ariporo", "Tauramena")),
    ("Cauca", 10, ("Popayán", "Santander de Quilichao", "Toribío", "Caldono", "El Tambo", "Argelia", "Guapi")),
    ("Cesar", 2, ("Valledupar", "Aguachica", "Agustín Codazzi", "Pueblo Bello")),
    ("Chocó", 4, ("Quibdó", "Riosucio", "Bojayá", "Istmina", "Carmen del Darién")),
    ("Córdoba", 4, ("Montería", "Tierralta", "Puerto Libertador", "Montelíbano")),
    ("Cundinamarca", 2, ("Soacha", "Fusagasugá", "Girardot", "Viotá")),
    ("Guainía", 1, ("Inírida",)),
    ("Guaviare", 1, ("San José del Guaviare", "Calamar", "El Retorno")),
    ("Huila", 2, ("Neiva", "Pitalito", "Algeciras", "La Plata")),
    ("La Guajira", 2, ("Riohacha", "Maicao", "Uribia", "San Juan del Cesar")),
    ("Magdalena", 2, ("Santa Marta", "Ciénaga", "Fundación", "Aracataca")),
    ("Meta", 2, ("Villavicencio", "Mesetas", "Puerto Rico", "La Macarena")),
    ("Nariño", 6, ("Pasto", "Tumaco", "Barbacoas", "Samaniego", "Ipiales")),
    ("Norte de Santander", 5, ("Cúcuta", "Tibú", "Ocaña", "El Tarra", "Sardinata")),
    ("Putumayo", 2, ("Mocoa", "Puerto Asís", "Orito", "Valle del Guamuez")),
    ("Quindío", 1, ("Armenia", "Calarcá", "Montenegro")),
    ("Risaralda", 1, ("Pereira", "Dosquebradas", "Pueblo Rico")),
    ("San Andrés, Providencia y Santa Catalina", 1, ("San Andrés", "Providencia")),
    ("Santander", 2, ("Bucaramanga", "Barrancabermeja", "San Vicente de Chucurí", "Sabana de Torres")),
    ("Sucre", 2, ("Sincelejo", "San Onofre", "Ovejas", "Corozal")),
    ("Tolima", 2, ("Ibagué", "Chaparral", "Planadas", "Ataco")),
    ("Valle del Cauca", 6, ("Cali", "Buenaventura", "Jamundí", "Tuluá", "Florida")),
    ("Vaupés", 1, ("Mitú", "Carurú")),
    ("Vichada", 1, ("Puerto Carreño", "Cumaribo")),
)

POPULATION_WEIGHTS = {
    "ddhh_sociales": 34, "victimas": 18, "etnicos": 10, "politicos": 8, "servidores_publicos": 5,
    "sindicales": 5, "periodistas": 4, "docentes": 3, "testigos": 3, "apoderados_forenses": 2,
    "mision_medica": 2, "gremiales": 1, "firmantes_paz_94_98": 1,
}
COLLECTIVE_POPULATIONS = {"etnicos": 35, "ddhh_sociales": 35, "victimas": 25, "sindicales": 5}

THREATS = (
    "refiere amenazas por mensajes de texto y llamadas atribuidas a un grupo armado ilegal",
    "reporta panfletos intimidatorios contra la organización que lidera en {municipio}",
    "refiere seguimientos de personas desconocidas cerca de su vivienda en {municipio}",
    "fue declarado objetivo militar en un comunicado difundido en redes sociales",
    "denuncia un atentado con arma de fuego contra su vivienda en {municipio}",
    "reporta hostigamientos por su labor de reclamación de tierras en {municipio}",
    "refiere el desplazamiento forzado de su núcleo familiar desde {municipio}",
    "recibió una corona fúnebre con su nombre en la sede de la organización",
)
COLLECTIVE_NAMES = (
    "Consejo Comunitario de {lugar}",
    "Cabildo Indígena de {lugar}",
    "Asociación Campesina de {lugar}",
    "Junta de Acción Comunal de la vereda {vereda}",
    "Asociación de Mujeres Víctimas de {lugar}",
    "Mesa Municipal de Participación de Víctimas de {lugar}",
    "Sindicato de Trabajadores Agrícolas de {lugar}",
    "Colectivo de Comunicaciones Populares de {lugar}",
    "Resguardo Indígena {vereda}",
)
VEREDAS = (
    "La Esperanza", "El Diviso", "Bellavista", "San Isidro", "La Unión", "El Porvenir", "Buenos Aires",
    "Santa Rita", "Nueva Colombia", "Alto Mira", "El Retiro", "Brisas del Río", "La Florida", "Miravalle",
)
DELEGATE_POSITIONS = (
    "Asesor(a) del despacho", "Profesional especializado(a)", "Coordinador(a) de grupo", "Abogado(a) asesor(a)",
    "Profesional universitario(a)", "Subdirector(a) técnico(a)", "Enlace de derechos humanos",
)
COMPETENT_ENTITIES = (
    "Agencia Nacional de Tierras", "Unidad de Restitución de Tierras", "Gobernación del departamento",
    "Alcaldía municipal", "Ministerio de Educación Nacional", "Agencia para la Reincorporación y la Normalización",
)
OBSERVATIONS = {
    "defensoria": ("La Defensoría del Pueblo informa que emitió alerta temprana para {municipio} y pide "
                   "tenerla en cuenta."),
    "procuraduria": "La Procuraduría solicita hacer seguimiento a la implementación oportuna de las medidas.",
    "fiscalia": ("La Fiscalía informa que existe noticia criminal por amenazas y que la investigación está "
                 "en indagación."),
    "oacnudh": "La OACNUDH recuerda la situación de riesgo de las personas defensoras en {departamento}.",
    "acnur": "ACNUR resalta la condición de desplazamiento forzado y pide medidas con enfoque diferencial.",
    "ciat": "La Secretaría Técnica de la CIAT señala que el municipio tiene informe de riesgo vigente.",
    "delegado_pob": "El delegado de la población objeto pide tener en cuenta el liderazgo y el contexto territorial.",
    "entidades_competentes": "La entidad competente informa las acciones adelantadas en el territorio.",
    "entidades_restablecimiento": "Las entidades competentes exponen la oferta de atención psicosocial disponible.",
    "responsables_medidas_colectivas": ("La entidad responsable informa la concertación de la medida colectiva "
                                        "con la comunidad."),
    "": "Solicita que se consideren los antecedentes de riesgo en la zona.",
}
